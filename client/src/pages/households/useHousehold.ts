import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type HouseholdDto } from '../../api';
import { PERSONS_KEY } from '../persons/usePerson';

export const HOUSEHOLDS_KEY = ['households'] as const;

export function householdKey(id: string) {
  return ['household', id] as const;
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKey(id), queryFn: () => api.getHousehold(id) });
}

/**
 * Keeps a household the API returned after a change, and refreshes what shows it: the household
 * list, and the people lists and pages (their household link and registered-poor status).
 */
export function useSavedHousehold(): (household: HouseholdDto) => void {
  const queryClient = useQueryClient();
  return (household) => {
    queryClient.setQueryData(householdKey(household.id), household);
    void queryClient.invalidateQueries({ queryKey: HOUSEHOLDS_KEY });
    void queryClient.invalidateQueries({ queryKey: PERSONS_KEY });
    void queryClient.invalidateQueries({ queryKey: ['person'] });
  };
}
