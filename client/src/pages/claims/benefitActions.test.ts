import { describe, expect, it } from 'vitest';
import {
  BenefitLevel,
  BenefitState,
  BenefitType,
  type BenefitDto,
  type CurrentUserDto,
  type FundPaymentDto,
  type ObjectionDto,
} from '../../api';
import { WULING } from '../../test/api';
import {
  benefitActions,
  mayRecordObjection,
  mayResolveObjection,
  mayReversePayment,
  stepTextKey,
} from './benefitActions';

const CHECKER: CurrentUserDto = { ...WULING, id: 'checker', userName: 'wuling2' };
const THIRD: CurrentUserDto = { ...WULING, id: 'third', userName: 'wuling3' };
const DINGCHENG: CurrentUserDto = {
  ...WULING,
  id: 'dingcheng',
  userName: 'dingcheng',
  countyId: 'c0000000-0000-0000-0000-000000430703',
  countyName: '鼎城区',
};
const CITY: CurrentUserDto = {
  ...WULING,
  id: 'city',
  userName: 'city',
  roles: ['CityOfficer'],
  permissions: ['reference.read', 'programme.read', 'programme.write', 'decisions.city', 'audit.read'],
  countyId: undefined,
};
const CITY2: CurrentUserDto = { ...CITY, id: 'city2', userName: 'city2' };
const AUDITOR: CurrentUserDto = { ...WULING, id: 'auditor', roles: ['Auditor'], permissions: ['programme.read'] };

function benefit(changes: Partial<BenefitDto>): BenefitDto {
  return {
    id: 'b1',
    type: BenefitType.TrainingSubsidy,
    countyId: WULING.countyId!,
    state: BenefitState.Draft,
    isFinallyApproved: false,
    level: BenefitLevel.County,
    requiresCityApproval: false,
    requiresPublicNotice: false,
    decisionChanged: false,
    createdById: WULING.id,
    objections: [],
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

/** A county demonstration-household award of wuling's, reviewed by wuling2 and in its public notice. */
const inNotice = benefit({
  type: BenefitType.DemonstrationHouseholdAward,
  requiresPublicNotice: true,
  state: BenefitState.PublicNotice,
  submittedById: WULING.id,
  countyReviewedById: CHECKER.id,
  noticeStartsOn: '2026-12-02',
  noticeEndsOn: '2026-12-08',
});

/** A city demonstration-base award in its public notice after the county review. */
const cityAwardInNotice = benefit({
  ...inNotice,
  type: BenefitType.DemonstrationBaseAward,
  level: BenefitLevel.City,
  requiresCityApproval: true,
});

function objection(changes: Partial<ObjectionDto>): ObjectionDto {
  return {
    id: 'o1',
    receivedOn: '2026-12-03',
    summary: '网店销售额存在刷单嫌疑。',
    recordedById: THIRD.id,
    recordedAt: '2026-12-03T02:00:00Z',
    ...changes,
  };
}

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

  it('leaves the payment of a county benefit to an officer of its county', () => {
    expect(benefitActions(reviewed, DINGCHENG)).toEqual([]);
    expect(benefitActions(reviewed, CITY)).toEqual([]);
  });

  it('sends a type that needs the city from the county review to a city officer', () => {
    const awaitingCity = benefit({
      state: BenefitState.CountyReviewed,
      level: BenefitLevel.City,
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
    expect(benefitActions(approved, CITY2)).toEqual(['pay']);
  });

  it('offers nothing on a closed claim', () => {
    for (const state of [BenefitState.Rejected, BenefitState.Withdrawn]) {
      expect(benefitActions({ ...submitted, state }, CHECKER)).toEqual([]);
      expect(benefitActions({ ...submitted, state }, WULING)).toEqual([]);
    }
  });
});

describe('benefitActions on awards', () => {
  it('has a second county officer review a submitted award, which starts its public notice', () => {
    const award = { ...inNotice, state: BenefitState.Submitted, countyReviewedById: undefined };
    expect(benefitActions(award, CHECKER)).toEqual(['review', 'return', 'reject']);
    expect(stepTextKey('review', award)).toBe('reviewAward');
    expect(stepTextKey('review', submitted)).toBe('review');
  });

  it('leaves the final approval (审定) of a county award in its notice to a third county officer', () => {
    expect(benefitActions(inNotice, THIRD)).toEqual(['approve', 'return', 'reject']);
    expect(benefitActions(inNotice, CHECKER)).toEqual([]);
    expect(benefitActions(inNotice, WULING)).toEqual([]);
    expect(benefitActions(inNotice, CITY)).toEqual([]);
    expect(benefitActions(inNotice, DINGCHENG)).toEqual(['approve', 'return', 'reject']);
    expect(stepTextKey('approve', inNotice)).toBe('approveCountyAward');
  });

  it('lets the submitter re-submit an award in its notice once its decision has changed', () => {
    expect(benefitActions({ ...inNotice, decisionChanged: true }, WULING)).toEqual(['resubmit']);
  });

  it('withholds approval while an objection is open or after one was upheld, but not after dismissal', () => {
    const open = { ...inNotice, objections: [objection({})] };
    expect(benefitActions(open, THIRD)).toEqual(['return', 'reject']);
    const upheld = { ...inNotice, objections: [objection({ upheld: true, resolution: '属实。' })] };
    expect(benefitActions(upheld, THIRD)).toEqual(['return', 'reject']);
    const dismissed = { ...inNotice, objections: [objection({ upheld: false, resolution: '经核实不属实。' })] };
    expect(benefitActions(dismissed, THIRD)).toEqual(['approve', 'return', 'reject']);
  });

  it('has an approved county award paid by an officer of its county who did not submit or approve it', () => {
    const approved = {
      ...inNotice,
      state: BenefitState.Approved,
      isFinallyApproved: true,
      approvedById: THIRD.id,
    };
    expect(benefitActions(approved, CHECKER)).toEqual(['pay']);
    expect(benefitActions(approved, THIRD)).toEqual([]);
    expect(benefitActions(approved, WULING)).toEqual([]);
    expect(benefitActions(approved, DINGCHENG)).toEqual([]);
    expect(benefitActions(approved, CITY)).toEqual([]);
    expect(benefitActions({ ...approved, state: BenefitState.Recognised }, CHECKER)).toEqual([]);
    expect(benefitActions({ ...approved, state: BenefitState.Paid }, CHECKER)).toEqual([]);
  });

  it('sends a city award in its notice to a city officer, and its payment to another city officer', () => {
    expect(benefitActions(cityAwardInNotice, CITY)).toEqual(['approve', 'return', 'reject']);
    expect(benefitActions(cityAwardInNotice, THIRD)).toEqual([]);
    expect(stepTextKey('approve', cityAwardInNotice)).toBe('approveCityAward');
    const approved = {
      ...cityAwardInNotice,
      state: BenefitState.CityApproved,
      isFinallyApproved: true,
      approvedById: CITY.id,
    };
    expect(benefitActions(approved, CITY)).toEqual([]);
    expect(benefitActions(approved, CITY2)).toEqual(['pay']);
    expect(benefitActions(approved, THIRD)).toEqual([]);
  });
});

describe('objections', () => {
  it('may be recorded by any deciding officer during the notice, and only then', () => {
    expect(mayRecordObjection(inNotice, THIRD)).toBe(true);
    expect(mayRecordObjection(inNotice, CITY)).toBe(true);
    expect(mayRecordObjection(inNotice, AUDITOR)).toBe(false);
    expect(mayRecordObjection({ ...inNotice, state: BenefitState.Approved }, THIRD)).toBe(false);
  });

  it('are resolved by an officer of the approving level who did not record them', () => {
    const open = objection({});
    expect(mayResolveObjection(inNotice, open, THIRD)).toBe(false);
    expect(mayResolveObjection(inNotice, open, CHECKER)).toBe(true);
    expect(mayResolveObjection(inNotice, open, CITY)).toBe(false);
    expect(mayResolveObjection(cityAwardInNotice, open, CITY)).toBe(true);
    expect(mayResolveObjection(cityAwardInNotice, open, CHECKER)).toBe(false);
    expect(mayResolveObjection(inNotice, objection({ upheld: false, resolution: '不属实。' }), CHECKER)).toBe(false);
  });
});

describe('mayReversePayment', () => {
  const payment: FundPaymentDto = {
    id: 'p1',
    benefitId: 'b1',
    benefitType: BenefitType.DemonstrationHouseholdAward,
    level: BenefitLevel.County,
    countyId: WULING.countyId!,
    countyName: '武陵区',
    amount: 10000,
    paymentDate: '2026-12-10',
    voucher: 'PZ-1',
    payeeName: '谭丽',
    payeeBank: '常德农商银行',
    payeeAccount: '**** **** **** 1234',
    payerId: CHECKER.id,
    recordedAt: '2026-12-10T02:00:00Z',
    entries: [],
  };

  it('lets an officer of the paying level reverse a payment once', () => {
    expect(mayReversePayment(payment, THIRD)).toBe(true);
    expect(mayReversePayment(payment, DINGCHENG)).toBe(false);
    expect(mayReversePayment(payment, CITY)).toBe(false);
    expect(mayReversePayment(payment, AUDITOR)).toBe(false);
    expect(mayReversePayment({ ...payment, reversedById: 'p2' }, THIRD)).toBe(false);
    expect(mayReversePayment({ ...payment, id: 'p2', amount: -10000, reversalOfId: 'p1' }, THIRD)).toBe(false);
    expect(mayReversePayment({ ...payment, level: BenefitLevel.City }, CITY)).toBe(true);
  });
});
