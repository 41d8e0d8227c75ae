import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, LinkType, type BenefitLinkDto } from '../../api';
import { ENTERPRISES_KEY } from '../enterprises/useEnterprises';

export const LINKS_KEY = ['benefitLinks'] as const;

/** One link, under the lists' prefix so that a change refreshes it with them. */
export function linkKey(id: string) {
  return [...LINKS_KEY, 'one', id] as const;
}

export const LINK_TYPES = Object.values(LinkType);

export function useLink(id: string) {
  return useQuery({ queryKey: linkKey(id), queryFn: () => api.getBenefitLink(id) });
}

/** Refreshes every list of links after a change, and the enterprises' evidence counts they feed. */
export function useLinksChanged(): () => void {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: LINKS_KEY });
    void queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY });
  };
}

/** Keeps a link the API returned after a change, and refreshes what shows it. */
export function useSavedLink(): (link: BenefitLinkDto) => void {
  const queryClient = useQueryClient();
  const changed = useLinksChanged();
  return (link) => {
    queryClient.setQueryData(linkKey(link.id), link);
    changed();
  };
}
