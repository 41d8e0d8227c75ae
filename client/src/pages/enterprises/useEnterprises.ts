import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, EnterpriseRoles, type CurrentUserDto, type EnterpriseDto } from '../../api';
import { PERMISSIONS } from '../../nav/navigation';

export const ENTERPRISES_KEY = ['enterprises'] as const;

/** One enterprise, under the lists' prefix so that a change refreshes it with them. */
export function enterpriseKey(id: string) {
  return [...ENTERPRISES_KEY, 'one', id] as const;
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: enterpriseKey(id), queryFn: () => api.getEnterprise(id) });
}

/** The roles an enterprise can have (`None` is only the empty set of the server's flags). */
export const ENTERPRISE_ROLES = Object.values(EnterpriseRoles).filter((role) => role !== EnterpriseRoles.None);

/** The most partner platforms a select offers: one page of the API's largest size. */
const PLATFORMS_PAGE_SIZE = 100;

/** The partner platforms, by name: the enterprises a shop or an API client can belong to. */
export function usePlatforms() {
  return useQuery({
    queryKey: [...ENTERPRISES_KEY, 'platforms'],
    queryFn: () => api.getEnterprises(EnterpriseRoles.PartnerPlatform, undefined, undefined, 1, PLATFORMS_PAGE_SIZE),
    select: (page) => page.items,
  });
}

/** Refreshes every list of enterprises after a change. */
export function useEnterprisesChanged(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY });
}

/** Whether the user may edit the enterprise: a writer of its county, or a city officer (enterprises of no county too). */
export function mayEditEnterprise(user: CurrentUserDto, enterprise: EnterpriseDto): boolean {
  return (
    user.permissions.includes(PERMISSIONS.programmeWrite) && (!user.countyId || enterprise.countyId === user.countyId)
  );
}
