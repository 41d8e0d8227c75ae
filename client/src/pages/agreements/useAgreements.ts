import { useQueryClient } from '@tanstack/react-query';
import { ENTERPRISES_KEY } from '../enterprises/useEnterprises';

export const AGREEMENTS_KEY = ['supplyAgreements'] as const;

/** Refreshes every list of agreements after a change, and the enterprises' evidence counts they feed. */
export function useAgreementsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: AGREEMENTS_KEY });
    void queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY });
  };
}
