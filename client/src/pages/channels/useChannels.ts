import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ChannelLevel, EventMode, OutletLocation, type ExhibitionDto, type OutletDto } from '../../api';

export const OUTLETS_KEY = ['outlets'] as const;
export const EXHIBITIONS_KEY = ['exhibitions'] as const;

export const OUTLET_LOCATIONS = Object.values(OutletLocation);
export const CHANNEL_LEVELS = Object.values(ChannelLevel);
export const EVENT_MODES = Object.values(EventMode);

/** One outlet, under the lists' prefix so that a change refreshes it with them. */
export function outletKey(id: string) {
  return [...OUTLETS_KEY, 'one', id] as const;
}

export function exhibitionKey(id: string) {
  return [...EXHIBITIONS_KEY, 'one', id] as const;
}

export function useOutlet(id: string) {
  return useQuery({ queryKey: outletKey(id), queryFn: () => api.getOutlet(id) });
}

export function useExhibition(id: string) {
  return useQuery({ queryKey: exhibitionKey(id), queryFn: () => api.getExhibition(id) });
}

/** Keeps an outlet the API returned after a change, and refreshes the lists. */
export function useSavedOutlet(): (outlet: OutletDto) => void {
  const queryClient = useQueryClient();
  return (outlet) => {
    queryClient.setQueryData(outletKey(outlet.id), outlet);
    void queryClient.invalidateQueries({ queryKey: OUTLETS_KEY });
  };
}

/** Keeps an exhibition the API returned after a change, and refreshes the lists. */
export function useSavedExhibition(): (exhibition: ExhibitionDto) => void {
  const queryClient = useQueryClient();
  return (exhibition) => {
    queryClient.setQueryData(exhibitionKey(exhibition.id), exhibition);
    void queryClient.invalidateQueries({ queryKey: EXHIBITIONS_KEY });
  };
}
