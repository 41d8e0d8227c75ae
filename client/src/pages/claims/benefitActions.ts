import {
  BenefitLevel,
  BenefitState,
  type BenefitDto,
  type CurrentUserDto,
  type FundPaymentDto,
  type ObjectionDto,
} from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

/** The states a subsidy claim (training, loan interest) passes through: no public notice, no award states. */
export const CLAIM_STATES = [
  BenefitState.Draft,
  BenefitState.Submitted,
  BenefitState.CountyReviewed,
  BenefitState.Paid,
  BenefitState.Rejected,
  BenefitState.Withdrawn,
] as const;

/** The workflow steps, in the order their buttons appear. */
export const BENEFIT_ACTIONS = [
  'submit',
  'resubmit',
  'withdraw',
  'review',
  'approve',
  'pay',
  'return',
  'reject',
] as const;
export type BenefitAction = (typeof BENEFIT_ACTIONS)[number];

/** Waiting for final approval after the county review: a city approval, or the end of an award's public notice. */
function awaitingApproval(benefit: BenefitDto): boolean {
  return (
    benefit.state === BenefitState.PublicNotice ||
    (benefit.state === BenefitState.CountyReviewed && !benefit.isFinallyApproved)
  );
}

/** Submitted, in its public notice, or reviewed by the county and waiting for the city: a decision step is open. */
function awaitingDecision(benefit: BenefitDto): boolean {
  return benefit.state === BenefitState.Submitted || awaitingApproval(benefit);
}

/**
 * The permission the open step needs, as the API decides it: the city's for a city-level benefit once
 * the county has reviewed it (its approval, its objections, its payment), else the county's.
 */
export function stepPermission(benefit: BenefitDto): string {
  const cityStep = benefit.requiresCityApproval && (awaitingApproval(benefit) || benefit.isFinallyApproved);
  return cityStep ? PERMISSIONS.decisionsCity : PERMISSIONS.decisionsCounty;
}

/** Who finally approved: the approver, or the county reviewer of a type without an approval step. */
function finalApproverId(benefit: BenefitDto): string | undefined {
  return benefit.isFinallyApproved ? (benefit.approvedById ?? benefit.countyReviewedById) : undefined;
}

/** An officer of the paying level: of the beneficiary's county for county benefits, of the city for city ones. */
function ofPayingLevel(level: BenefitLevel, countyId: string, user: CurrentUserDto): boolean {
  return level === BenefitLevel.County ? user.countyId === countyId : !user.countyId;
}

/** Paid, or recognised without money: nothing is left to pay. */
function settled(benefit: BenefitDto): boolean {
  return benefit.state === BenefitState.Paid || benefit.state === BenefitState.Recognised;
}

/** An objection not yet resolved. */
export function isOpenObjection(objection: ObjectionDto): boolean {
  return objection.upheld == null;
}

/**
 * The steps the user may take on the benefit now, as the API decides them: the submitter re-submits
 * (when the decision changed) or withdraws; anyone else holding the step's permission decides it, but
 * never the submitter or an earlier decider (maker-checker). An award is approved once its public
 * notice is over (the API checks the date: the button stays while the notice runs) and never while an
 * objection is open or was upheld. The payer is an officer of the paying level who neither submitted
 * nor finally approved it.
 */
export function benefitActions(benefit: BenefitDto, user: CurrentUserDto): BenefitAction[] {
  const can = (permission: string) => user.permissions.includes(permission);
  const submitter = benefit.submittedById === user.id;
  const mayDecide = can(stepPermission(benefit));
  const checker = !submitter && user.id !== benefit.countyReviewedById && user.id !== benefit.approvedById && mayDecide;
  const awaiting = awaitingDecision(benefit);
  const writer = can(PERMISSIONS.programmeWrite);
  const objectionsBlock = benefit.objections.some(
    (objection) => isOpenObjection(objection) || objection.upheld === true,
  );
  const approvable = benefit.requiresPublicNotice
    ? benefit.state === BenefitState.PublicNotice && !objectionsBlock
    : benefit.state === BenefitState.CountyReviewed && !benefit.isFinallyApproved && benefit.requiresCityApproval;
  const payer =
    mayDecide &&
    !submitter &&
    user.id !== finalApproverId(benefit) &&
    ofPayingLevel(benefit.level, benefit.countyId, user);
  const allowed: Record<BenefitAction, boolean> = {
    submit: benefit.state === BenefitState.Draft && writer,
    resubmit: awaiting && submitter && writer && benefit.decisionChanged,
    withdraw: benefit.state === BenefitState.Submitted && submitter && writer,
    review: benefit.state === BenefitState.Submitted && checker,
    approve: approvable && checker,
    pay: benefit.isFinallyApproved && !settled(benefit) && payer,
    return: awaiting && checker,
    reject: awaiting && checker,
  };
  return BENEFIT_ACTIONS.filter((action) => allowed[action]);
}

/** Whether the user may record an objection received during the benefit's public notice. */
export function mayRecordObjection(benefit: BenefitDto, user: CurrentUserDto): boolean {
  return (
    benefit.state === BenefitState.PublicNotice &&
    (user.permissions.includes(PERMISSIONS.decisionsCounty) || user.permissions.includes(PERMISSIONS.decisionsCity))
  );
}

/** Whether the user may resolve an open objection: the approving level's officer, not the one who recorded it. */
export function mayResolveObjection(benefit: BenefitDto, objection: ObjectionDto, user: CurrentUserDto): boolean {
  return (
    benefit.state === BenefitState.PublicNotice &&
    isOpenObjection(objection) &&
    objection.recordedById !== user.id &&
    user.permissions.includes(stepPermission(benefit))
  );
}

/**
 * Whether the user may reverse a payment: one not yet reversed and not itself a reversal, by an officer
 * of the paying level.
 */
export function mayReversePayment(payment: FundPaymentDto, user: CurrentUserDto): boolean {
  const permission = payment.level === BenefitLevel.City ? PERMISSIONS.decisionsCity : PERMISSIONS.decisionsCounty;
  return (
    !payment.reversalOfId &&
    !payment.reversedById &&
    user.permissions.includes(permission) &&
    ofPayingLevel(payment.level, payment.countyId, user)
  );
}

/**
 * The i18n key of a step's texts (under `benefit.actions` and `benefit.steps`): an award's review starts
 * its public notice, and a county award's final approval (审定) is the county's, not the city's.
 */
export function stepTextKey(action: BenefitAction, benefit: BenefitDto): string {
  if (action === 'review' && benefit.requiresPublicNotice) return 'reviewAward';
  if (action === 'approve' && benefit.requiresPublicNotice) {
    return benefit.level === BenefitLevel.County ? 'approveCountyAward' : 'approveCityAward';
  }
  return action;
}
