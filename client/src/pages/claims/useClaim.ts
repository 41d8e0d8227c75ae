import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type TrainingClaimDto } from '../../api';

export const CLAIMS_KEY = ['trainingClaims'] as const;

export function claimKey(id: string) {
  return ['trainingClaim', id] as const;
}

export function useClaim(id: string) {
  return useQuery({ queryKey: claimKey(id), queryFn: () => api.getTrainingClaim(id) });
}

/** Refreshes a claim after a change (its facts, documents or workflow step), and the list that shows it. */
export function useClaimChanged(): (id: string) => void {
  const queryClient = useQueryClient();
  return (id) => {
    void queryClient.invalidateQueries({ queryKey: claimKey(id) });
    void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
  };
}

/** Keeps a claim the API returned after a change, and refreshes the list that shows it. */
export function useSavedClaim(): (claim: TrainingClaimDto) => void {
  const queryClient = useQueryClient();
  return (claim) => {
    queryClient.setQueryData(claimKey(claim.id), claim);
    void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
  };
}
