import { useQueryClient } from '@tanstack/react-query';

/** Every fund query (allocations, payments, reconciliation) starts with this, so a payment refreshes them all. */
export const FUNDS_KEY = ['funds'] as const;
export const ALLOCATIONS_KEY = [...FUNDS_KEY, 'allocations'] as const;
export const PAYMENTS_KEY = [...FUNDS_KEY, 'payments'] as const;
export const RECONCILIATION_KEY = [...FUNDS_KEY, 'reconciliation'] as const;

/** Refreshes the ledger after a change (an allocation, a payment, a reversal), and the benefits a reversal reopens. */
export function useFundsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
    for (const key of ['benefits', 'awards', 'trainingClaims', 'trainingClaim', 'interestClaims']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
}
