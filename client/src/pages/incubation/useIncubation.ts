import { useQueryClient } from '@tanstack/react-query';
import { IncubateeType, IncubationServices } from '../../api';

export const INCUBATIONS_KEY = ['incubations'] as const;
export const MENTORING_CONTRACTS_KEY = ['mentoringContracts'] as const;
export const MENTORING_SESSIONS_KEY = ['mentoringSessions'] as const;

export const INCUBATEE_TYPES = Object.values(IncubateeType);
/** The services an incubator offers; `None` is the API's empty flag value, never chosen. */
export const INCUBATION_SERVICES = Object.values(IncubationServices).filter(
  (service) => service !== IncubationServices.None,
);

/** Refreshes every list of incubations after a change. */
export function useIncubationsChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: INCUBATIONS_KEY });
}

/** Refreshes the mentoring contracts and sessions after a change (a session counts on its contract). */
export function useMentoringChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: MENTORING_CONTRACTS_KEY });
    void queryClient.invalidateQueries({ queryKey: MENTORING_SESSIONS_KEY });
  };
}
