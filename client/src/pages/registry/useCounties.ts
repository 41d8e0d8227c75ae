import { useQuery } from '@tanstack/react-query';
import { api, type RegionDto } from '../../api';
import { localName } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

/** The active county-level regions, as options for a select. */
export function useCountyOptions(): { value: string; label: string }[] {
  const language = useLanguage();
  const regions = useQuery({ queryKey: ['regions', false], queryFn: () => api.getRegions(false) });
  return (regions.data ?? [])
    .filter((region: RegionDto) => region.parentId != null)
    .map((county) => ({ value: county.id, label: localName(county, language) }));
}
