import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { HOUSEHOLDS_KEY, householdKey } from './useHousehold';

interface HouseholdSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (householdId: string) => void;
  /** Only households of this county. */
  countyId?: string;
  /** Offers to clear the choice (in a filter, say). */
  allowClear?: boolean;
  className?: string;
}

/**
 * Picks a household by typing part of its head's name. Households without a registered disabled
 * member are listed, with the reason, but cannot be chosen: a benefit link is with a disabled household.
 */
export function HouseholdSelect({ id, value, onChange, countyId, allowClear, className }: HouseholdSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const headName = useDebouncedValue(search.trim());
  const households = useQuery({
    queryKey: [...HOUSEHOLDS_KEY, 'search', countyId, headName],
    queryFn: () => api.getHouseholds(countyId, undefined, undefined, headName, 'head', 1, 20),
    enabled: headName.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = households.data?.items ?? [];
  const chosen = useQuery({
    queryKey: householdKey(value ?? ''),
    queryFn: () => api.getHousehold(value!),
    enabled: !!value && !found.some((household) => household.id === value),
  });
  const options = found.map((household) => ({
    value: household.id,
    disabled: household.disabledMemberCount === 0,
    label: t(household.disabledMemberCount === 0 ? 'householdSelect.optionNoDisabled' : 'householdSelect.option', {
      head: household.headName,
      place: [household.countyName, household.township, household.village].filter(Boolean).join(' '),
    }),
  }));
  if (value && chosen.data?.id === value && !found.some((household) => household.id === value)) {
    const household = chosen.data;
    options.unshift({
      value,
      disabled: false,
      label: t('householdSelect.option', {
        head: household.headName,
        place: [household.countyName, household.township, household.village].filter(Boolean).join(' '),
      }),
    });
  }
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear={allowClear}
      className={className}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={households.isFetching}
      placeholder={t('householdSelect.placeholder')}
      notFoundContent={headName ? t('householdSelect.noMatch') : t('householdSelect.typeToSearch')}
      options={options}
    />
  );
}
