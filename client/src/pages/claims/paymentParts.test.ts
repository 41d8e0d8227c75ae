import { describe, expect, it } from 'vitest';
import { BenefitLevel, BenefitState, BenefitType, FundLevel, type BenefitDto, type FundAllocationDto } from '../../api';
import { WULING } from '../../test/api';
import { partsProblem, partsTotal, payableAllocations } from './paymentParts';

const DINGCHENG = 'c0000000-0000-0000-0000-000000430703';

function allocation(changes: Partial<FundAllocationDto>): FundAllocationDto {
  return {
    id: 'a1',
    year: 2026,
    level: FundLevel.County,
    countyId: WULING.countyId,
    countyName: '武陵区',
    amount: 100_000,
    disbursed: 0,
    balance: 100_000,
    documentNumber: '430702残联发〔演示〕1号',
    note: '',
    createdAt: '2026-12-02T00:00:00Z',
    version: 1,
    ...changes,
  };
}

const ALLOCATIONS = [
  allocation({}),
  allocation({ id: 'a2', level: FundLevel.City, documentNumber: '常残联发〔演示〕430702号', balance: 50_000 }),
  allocation({ id: 'a3', countyId: DINGCHENG, countyName: '鼎城区', documentNumber: '430703残联发〔演示〕1号' }),
  allocation({
    id: 'a4',
    level: FundLevel.City,
    countyId: undefined,
    countyName: undefined,
    documentNumber: '常残联发〔演示〕1号',
  }),
  allocation({ id: 'a5', documentNumber: '430702残联发〔2025〕9号', balance: 0 }),
];

function benefit(level: BenefitLevel): BenefitDto {
  return {
    id: 'b1',
    type: level === BenefitLevel.County ? BenefitType.DemonstrationHouseholdAward : BenefitType.DemonstrationBaseAward,
    countyId: WULING.countyId!,
    state: BenefitState.Approved,
    isFinallyApproved: true,
    level,
    requiresCityApproval: level === BenefitLevel.City,
    requiresPublicNotice: true,
    decisionChanged: false,
    createdById: WULING.id,
    objections: [],
    transitions: [],
    version: 3,
  };
}

describe('payableAllocations', () => {
  it("offers a county benefit the allocations to the beneficiary's county of any level, with money left", () => {
    expect(payableAllocations(ALLOCATIONS, benefit(BenefitLevel.County)).map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it("offers a city award only the city's own allocations", () => {
    expect(payableAllocations(ALLOCATIONS, benefit(BenefitLevel.City)).map((a) => a.id)).toEqual(['a4']);
  });
});

describe('payment parts', () => {
  it('sums amounts exactly to the fen, where binary floating point would not', () => {
    expect(partsTotal([{ amount: 0.1 }, { amount: 0.2 }])).toBe(0.3);
    expect(partsTotal([{ amount: 6000.35 }, { amount: 3999.65 }, { amount: null }])).toBe(10_000);
  });

  it('accepts parts that sum to the amount, from different allocations', () => {
    expect(partsProblem([{ allocationId: 'a1', amount: 10_000 }], 10_000)).toBeUndefined();
    expect(
      partsProblem(
        [
          { allocationId: 'a1', amount: 6000.35 },
          { allocationId: 'a2', amount: 3999.65 },
        ],
        10_000,
      ),
    ).toBeUndefined();
  });

  it('refuses parts that fall short of or exceed the amount by as little as a fen', () => {
    expect(partsProblem([{ allocationId: 'a1', amount: 9999.99 }], 10_000)).toBe('sum');
    expect(
      partsProblem(
        [
          { allocationId: 'a1', amount: 6000 },
          { allocationId: 'a2', amount: 4000.01 },
        ],
        10_000,
      ),
    ).toBe('sum');
  });

  it('refuses no parts, and an allocation named twice', () => {
    expect(partsProblem([], 10_000)).toBe('required');
    expect(
      partsProblem(
        [
          { allocationId: 'a1', amount: 5000 },
          { allocationId: 'a1', amount: 5000 },
        ],
        10_000,
      ),
    ).toBe('duplicate');
  });
});
