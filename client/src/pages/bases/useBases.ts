import { useQueryClient } from '@tanstack/react-query';
import { BaseStatus } from '../../api';

export const BASES_KEY = ['bases'] as const;

/** One base, under the lists' prefix so that a change refreshes it with them. */
export function baseKey(id: string) {
  return [...BASES_KEY, 'one', id] as const;
}

export const BASE_STATUSES = Object.values(BaseStatus);

/** Refreshes every list of bases after a change. */
export function useBasesChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: BASES_KEY });
}
