import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

/** The recognised qualifications (and the note of their policy version) in force on a date. */
export function useQualifications(on: string | undefined) {
  return useQuery({
    queryKey: ['trainingQualifications', on],
    queryFn: () => api.getTrainingQualifications(on!),
    enabled: !!on,
  });
}
