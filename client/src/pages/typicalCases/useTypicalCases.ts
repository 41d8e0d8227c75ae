import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, TypicalCaseSubject, type TypicalCaseDto } from '../../api';

export const TYPICAL_CASES_KEY = ['typicalCases'] as const;
export const SUBJECTS = Object.values(TypicalCaseSubject);

/** The most key figures a case has (as the API allows). */
export const MAX_FIGURES = 12;

export function typicalCaseKey(id: string) {
  return [...TYPICAL_CASES_KEY, 'one', id] as const;
}

export function useTypicalCase(id: string) {
  return useQuery({ queryKey: typicalCaseKey(id), queryFn: () => api.getTypicalCase(id) });
}

/** Keeps a case the API returned after a change, and refreshes the lists. */
export function useSavedTypicalCase(): (found: TypicalCaseDto) => void {
  const queryClient = useQueryClient();
  return (found) => {
    queryClient.setQueryData(typicalCaseKey(found.id), found);
    void queryClient.invalidateQueries({ queryKey: TYPICAL_CASES_KEY });
  };
}
