import { describe, expect, it } from 'vitest';
import { BenefitState, BenefitType, type BenefitDto, type CurrentUserDto } from '../../api';
import { WULING } from '../../test/api';
import { benefitActions } from './benefitActions';

const CHECKER: CurrentUserDto = { ...WULING, id: 'checker', userName: 'wuling2' };
const THIRD: CurrentUserDto = { ...WULING, id: 'third', userName: 'wuling3' };
const CITY: CurrentUserDto = {
  ...WULING,
  id: 'city',
  userName: 'city',
  roles: ['CityOfficer'],
  permissions: ['reference.read', 'programme.read', 'programme.write', 'decisions.city', 'audit.read'],
  countyId: undefined,
};
const AUDITOR: CurrentUserDto = { ...WULING, id: 'auditor', roles: ['Auditor'], permissions: ['programme.read'] };

function benefit(changes: Partial<BenefitDto>): BenefitDto {
  return {
    id: 'b1',
    type: BenefitType.TrainingSubsidy,
    countyId: WULING.countyId!,
    state: BenefitState.Draft,
    isFinallyApproved: false,
    requiresCityApproval: false,
    decisionChanged: false,
    createdById: WULING.id,
    transitions: [],
    version: 1,
    ...changes,
  };
}

const submitted = benefit({ state: BenefitState.Submitted, submittedById: WULING.id });
const reviewed = benefit({
  state: BenefitState.CountyReviewed,
  isFinallyApproved: true,
  submittedById: WULING.id,
  countyReviewedById: CHECKER.id,
});

describe('benefitActions', () => {
  it('lets any writer submit a draft, and nobody decide it', () => {
    expect(benefitActions(benefit({}), WULING)).toEqual(['submit']);
    expect(benefitActions(benefit({}), CHECKER)).toEqual(['submit']);
    expect(benefitActions(benefit({}), AUDITOR)).toEqual([]);
  });

  it('lets the submitter only withdraw a submitted claim: approving it is for someone else (maker-checker)', () => {
    expect(benefitActions(submitted, WULING)).toEqual(['withdraw']);
    expect(benefitActions(submitted, CHECKER)).toEqual(['review', 'return', 'reject']);
  });

  it('offers re-submission to the submitter once the decision has changed', () => {
    const changed = { ...submitted, decisionChanged: true };
    expect(benefitActions(changed, WULING)).toEqual(['resubmit', 'withdraw']);
    expect(benefitActions(changed, CHECKER)).toEqual(['review', 'return', 'reject']);
  });

  it('leaves county steps to holders of decisions.county, and to no reader', () => {
    expect(benefitActions(submitted, CITY)).toEqual([]);
    expect(benefitActions(submitted, AUDITOR)).toEqual([]);
  });

  it('lets a third officer record the payment of a finally approved claim, never its submitter or reviewer', () => {
    expect(benefitActions(reviewed, THIRD)).toEqual(['pay']);
    expect(benefitActions(reviewed, WULING)).toEqual([]);
    expect(benefitActions(reviewed, CHECKER)).toEqual([]);
    expect(benefitActions({ ...reviewed, state: BenefitState.Paid }, THIRD)).toEqual([]);
  });

  it('sends a type that needs the city from the county review to a city officer', () => {
    const awaitingCity = benefit({
      state: BenefitState.CountyReviewed,
      requiresCityApproval: true,
      submittedById: WULING.id,
      countyReviewedById: CHECKER.id,
    });
    expect(benefitActions(awaitingCity, CITY)).toEqual(['approve', 'return', 'reject']);
    expect(benefitActions(awaitingCity, THIRD)).toEqual([]);
    const approved = {
      ...awaitingCity,
      state: BenefitState.CityApproved,
      isFinallyApproved: true,
      approvedById: CITY.id,
    };
    expect(benefitActions(approved, CITY)).toEqual([]);
    expect(benefitActions(approved, { ...CITY, id: 'city2' })).toEqual(['pay']);
  });

  it('offers nothing on a closed claim', () => {
    for (const state of [BenefitState.Rejected, BenefitState.Withdrawn]) {
      expect(benefitActions({ ...submitted, state }, CHECKER)).toEqual([]);
      expect(benefitActions({ ...submitted, state }, WULING)).toEqual([]);
    }
  });
});
