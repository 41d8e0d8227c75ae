import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, IndicatorUnit, type IndicatorDefinitionDto } from '../../api';
import { formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

/** Every statistics query starts with this, so issuing a bulletin or setting targets refreshes them. */
export const STATISTICS_KEY = ['statistics'] as const;

/** The indicator codes the dashboard and its county table show, in this order. */
export const KEY_INDICATORS = [
  'training.persons',
  'shops.opened',
  'shops.active',
  'sales.orders',
  'sales.amount',
  'households.linked',
  'leaders.prosperity',
  'chain.households',
] as const;

/** The indicators' definitions by code (they do not change while the app runs). */
export function useIndicatorDefinitions() {
  return useQuery({
    queryKey: [...STATISTICS_KEY, 'indicators'],
    queryFn: () => api.getIndicatorDefinitions(),
    staleTime: Infinity,
    select: (definitions) => new Map(definitions.map((definition) => [definition.code, definition])),
  });
}

/** An indicator's name and definition in the interface language; the code when it is unknown. */
export function useIndicatorText() {
  const language = useLanguage();
  return (definition: IndicatorDefinitionDto | undefined, code: string) => ({
    name: definition ? (language === 'en' ? definition.nameEn : definition.name) : code,
    definition: definition ? (language === 'en' ? definition.definitionEn : definition.definition) : '',
  });
}

/** Formats a figure by its unit: yuan with 2 decimals, counts as whole numbers. */
export function useFigureFormat() {
  const language = useLanguage();
  return (value: number | undefined | null, unit: IndicatorUnit | undefined) => {
    if (value == null) return '';
    return unit === IndicatorUnit.Yuan
      ? formatYuan(value, language)
      : value.toLocaleString(language, { maximumFractionDigits: 2 });
  };
}

/** The unit's short label (人, 户, 家, 单, 件, 元) after a figure. */
export function useUnitLabel() {
  const { t } = useTranslation();
  return (unit: IndicatorUnit | undefined) => (unit ? t(`statistics.units.${unit}`) : '');
}
