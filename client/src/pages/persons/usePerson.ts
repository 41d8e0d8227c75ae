import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type PersonDto } from '../../api';

export const PERSONS_KEY = ['persons'] as const;

export function personKey(id: string) {
  return ['person', id] as const;
}

export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => api.getPerson(id) });
}

/** Keeps a person the API returned after a change, and refreshes the lists that show them. */
export function useSavedPerson(): (person: PersonDto) => void {
  const queryClient = useQueryClient();
  return (person) => {
    queryClient.setQueryData(personKey(person.id), person);
    void queryClient.invalidateQueries({ queryKey: PERSONS_KEY });
  };
}
