import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, BeneficiaryKind, BenefitLevel, BenefitState, BenefitType } from '../../api';
import { FUNDS_KEY } from '../funds/useFunds';

/** The award types, in the action plan's order: the county household, the city base, the two enterprise recognitions. */
export const AWARD_TYPES = [
  BenefitType.DemonstrationHouseholdAward,
  BenefitType.DemonstrationBaseAward,
  BenefitType.PovertyAlleviationBaseEnterpriseAward,
  BenefitType.EmploymentBaseEnterpriseAward,
] as const;
export type AwardType = (typeof AWARD_TYPES)[number];

/** The states an award passes through, in workflow order. */
export const AWARD_STATES = [
  BenefitState.Draft,
  BenefitState.Submitted,
  BenefitState.PublicNotice,
  BenefitState.Approved,
  BenefitState.CityApproved,
  BenefitState.Paid,
  BenefitState.Recognised,
  BenefitState.Rejected,
  BenefitState.Withdrawn,
] as const;

/** Who an award is for: a person (household award), a Sunshine base, or an enterprise. */
export function beneficiaryKindOf(type: AwardType): BeneficiaryKind {
  if (type === BenefitType.DemonstrationHouseholdAward) return BeneficiaryKind.Person;
  if (type === BenefitType.DemonstrationBaseAward) return BeneficiaryKind.Base;
  return BeneficiaryKind.Enterprise;
}

/** Who approves an award finally and whose funds pay it: the county for the household award, else the city. */
export function awardLevelOf(type: AwardType): BenefitLevel {
  return type === BenefitType.DemonstrationHouseholdAward ? BenefitLevel.County : BenefitLevel.City;
}

export function isAwardType(type: BenefitType): type is AwardType {
  return (AWARD_TYPES as readonly BenefitType[]).includes(type);
}

/** The page of a beneficiary, where there is one (bases are listed, not shown one by one). */
export function beneficiaryPath(kind: BeneficiaryKind, id: string): string | undefined {
  if (kind === BeneficiaryKind.Person) return `/persons/${id}`;
  if (kind === BeneficiaryKind.Enterprise) return `/enterprises/${id}`;
  return undefined;
}

/** The page of a benefit of any type (a claim's and an application's id is its benefit's). */
export function benefitPath(type: BenefitType, id: string): string {
  if (type === BenefitType.TrainingSubsidy) return `/training-claims/${id}`;
  if (type === BenefitType.LoanInterestSubsidy) return `/interest-claims/${id}`;
  return `/awards/applications/${id}`;
}

export const AWARDS_KEY = ['awards'] as const;

export function awardKey(id: string) {
  return [...AWARDS_KEY, 'one', id] as const;
}

export function useAwardApplication(id: string) {
  return useQuery({ queryKey: awardKey(id), queryFn: () => api.getAwardApplication(id) });
}

/**
 * Refreshes the awards after a change: the applications (and their workflow), the screening an
 * application leaves, the prosperity leaders an approval adds, and the ledger a payment draws on.
 */
export function useAwardsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: AWARDS_KEY });
    void queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
  };
}
