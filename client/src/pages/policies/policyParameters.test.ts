import { describe, expect, it } from 'vitest';
import { PolicyKey, type PolicyVersionDto } from '../../api';
import { formatParameter, PARAMETER_POLICIES, toContent, toFormValues } from './policyParameters';

function version(key: PolicyKey, content: object): PolicyVersionDto {
  return {
    id: 'v1',
    programmeId: 'p1',
    key,
    effectiveFrom: '2025-01-01',
    content,
    note: '',
    isUsed: false,
    version: 1,
  };
}

const UNITS = {
  yuan: (amount: string) => `${amount} 元`,
  days: (count: number) => `${count} 天`,
  months: (count: number) => `${count} 个月`,
  none: '不设',
};

describe('policy parameters', () => {
  it('round-trips an award policy through the form unchanged', () => {
    const content = { linkedHouseholds: 10, salesThreshold: 500_000, grant: 60_000 };
    const values = toFormValues(PolicyKey.DemonstrationBaseAward, version(PolicyKey.DemonstrationBaseAward, content));
    expect(values).toEqual(content);
    expect(toContent(PolicyKey.DemonstrationBaseAward, values)).toEqual(content);
  });

  it('shows shares and rates as percentages and sends them as fractions, an empty cap as none', () => {
    const stored = version(PolicyKey.MicrocreditInterestSubsidy, {
      subsidyShare: 0.5,
      subsidisedRateCap: 0.0435,
      maximumTermMonths: 36,
      maximumPrincipal: 50_000,
    });
    const values = toFormValues(PolicyKey.MicrocreditInterestSubsidy, stored);
    expect(values).toEqual({
      subsidyShare: 50,
      subsidisedRateCap: 4.35,
      maximumTermMonths: 36,
      maximumPrincipal: 50_000,
    });
    expect(
      toContent(PolicyKey.MicrocreditInterestSubsidy, { ...values, subsidyShare: 5.6, subsidisedRateCap: null }),
    ).toEqual({
      subsidyShare: 0.056,
      subsidisedRateCap: null,
      maximumTermMonths: 36,
      maximumPrincipal: 50_000,
    });
  });

  it('starts a first version with empty fields', () => {
    expect(toFormValues(PolicyKey.PublicNotice, undefined)).toEqual({ days: undefined });
  });

  it('writes each value with its unit', () => {
    const [share, cap, term, principal] = PARAMETER_POLICIES[PolicyKey.MicrocreditInterestSubsidy];
    expect(formatParameter(share, 0.5, 'zh-CN', UNITS)).toBe('50%');
    expect(formatParameter(cap, null, 'zh-CN', UNITS)).toBe('不设');
    expect(formatParameter(term, 36, 'zh-CN', UNITS)).toBe('36 个月');
    expect(formatParameter(principal, 50_000, 'zh-CN', UNITS)).toBe('50,000.00 元');
    const [days] = PARAMETER_POLICIES[PolicyKey.PublicNotice];
    expect(formatParameter(days, 7, 'zh-CN', UNITS)).toBe('7 天');
  });
});
