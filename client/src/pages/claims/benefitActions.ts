import { BenefitState, type BenefitDto, type CurrentUserDto } from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

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

/** Submitted, or reviewed by the county and waiting for the city: a decision step is open. */
function awaitingDecision(benefit: BenefitDto): boolean {
  return (
    benefit.state === BenefitState.Submitted ||
    (benefit.state === BenefitState.CountyReviewed && !benefit.isFinallyApproved)
  );
}

/** The permission the open decision step needs: the city's for a city step, else the county's. */
function stepPermission(benefit: BenefitDto): string {
  const cityStep = benefit.isFinallyApproved
    ? benefit.requiresCityApproval
    : benefit.state === BenefitState.CountyReviewed;
  return cityStep ? PERMISSIONS.decisionsCity : PERMISSIONS.decisionsCounty;
}

/**
 * The steps the user may take on the benefit now, as the API decides them: the submitter re-submits
 * (when the decision changed) or withdraws; anyone else holding the step's permission decides it, but
 * never the submitter or an earlier decider (maker-checker).
 */
export function benefitActions(benefit: BenefitDto, user: CurrentUserDto): BenefitAction[] {
  const can = (permission: string) => user.permissions.includes(permission);
  const submitter = benefit.submittedById === user.id;
  const checker =
    !submitter &&
    user.id !== benefit.countyReviewedById &&
    user.id !== benefit.approvedById &&
    can(stepPermission(benefit));
  const awaiting = awaitingDecision(benefit);
  const writer = can(PERMISSIONS.programmeWrite);
  const allowed: Record<BenefitAction, boolean> = {
    submit: benefit.state === BenefitState.Draft && writer,
    resubmit: awaiting && submitter && writer && benefit.decisionChanged,
    withdraw: benefit.state === BenefitState.Submitted && submitter && writer,
    review: benefit.state === BenefitState.Submitted && checker,
    approve: benefit.state === BenefitState.CountyReviewed && !benefit.isFinallyApproved && checker,
    pay: benefit.isFinallyApproved && benefit.state !== BenefitState.Paid && checker,
    return: awaiting && checker,
    reject: awaiting && checker,
  };
  return BENEFIT_ACTIONS.filter((action) => allowed[action]);
}
