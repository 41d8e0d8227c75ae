import { useQueryClient } from '@tanstack/react-query';
import { HoursType, JobCategory } from '../../api';
import { ENTERPRISES_KEY } from '../enterprises/useEnterprises';

export const EMPLOYMENT_KEY = ['employment'] as const;

export const JOB_CATEGORIES = Object.values(JobCategory);
export const HOURS_TYPES = Object.values(HoursType);

/** Refreshes every list of employment after a change, and the enterprises' evidence counts they feed. */
export function useEmploymentChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: EMPLOYMENT_KEY });
    void queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY });
  };
}
