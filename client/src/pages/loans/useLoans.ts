import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, DayCountBasis, LoanProgramme, type InterestSubsidyClaimDto, type LoanDto } from '../../api';

export const LOANS_KEY = ['loans'] as const;
export const INTEREST_CLAIMS_KEY = ['interestClaims'] as const;

export const LOAN_PROGRAMMES = Object.values(LoanProgramme);
export const DAY_COUNT_BASES = Object.values(DayCountBasis);

/** One loan, under the lists' prefix so that a change refreshes it with them. */
export function loanKey(id: string) {
  return [...LOANS_KEY, 'one', id] as const;
}

export function interestClaimKey(id: string) {
  return [...INTEREST_CLAIMS_KEY, 'one', id] as const;
}

export function useLoan(id: string) {
  return useQuery({ queryKey: loanKey(id), queryFn: () => api.getLoan(id) });
}

export function useInterestClaim(id: string) {
  return useQuery({ queryKey: interestClaimKey(id), queryFn: () => api.getInterestSubsidyClaim(id) });
}

/** Keeps a loan the API returned after a change, and refreshes the lists (a repayment changes what is outstanding). */
export function useSavedLoan(): (loan: LoanDto) => void {
  const queryClient = useQueryClient();
  return (loan) => {
    queryClient.setQueryData(loanKey(loan.id), loan);
    void queryClient.invalidateQueries({ queryKey: LOANS_KEY });
  };
}

/**
 * Refreshes the claims after a change: the claims (and their workflow) and the benefit lists that
 * show them.
 */
export function useInterestClaimsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: INTEREST_CLAIMS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['benefits'] });
  };
}

/** Keeps a claim the API returned after creating it. */
export function useSavedInterestClaim(): (claim: InterestSubsidyClaimDto) => void {
  const queryClient = useQueryClient();
  const changed = useInterestClaimsChanged();
  return (claim) => {
    queryClient.setQueryData(interestClaimKey(claim.id), claim);
    changed();
  };
}
