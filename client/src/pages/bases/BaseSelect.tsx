import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { baseKey, BASES_KEY } from './useBases';

interface BaseSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (baseId: string) => void;
  /** Offers to clear the choice (in a filter, say). */
  allowClear?: boolean;
  className?: string;
}

/** Picks a Sunshine base in the officer's scope by typing part of its name; its county tells namesakes apart. */
export function BaseSelect({ id, value, onChange, allowClear, className }: BaseSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim());
  const bases = useQuery({
    queryKey: [...BASES_KEY, 'search', name],
    queryFn: () => api.getBases(undefined, undefined, undefined, undefined, name, 1, 20),
    enabled: name.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = bases.data?.items ?? [];
  const chosen = useQuery({
    queryKey: baseKey(value ?? ''),
    queryFn: () => api.getBase(value!),
    enabled: !!value && !found.some((base) => base.id === value),
  });
  const options = found.map((base) => ({
    value: base.id,
    label: t('baseSelect.option', { name: base.name, county: base.countyName }),
  }));
  if (value && chosen.data?.id === value && !found.some((base) => base.id === value)) {
    options.unshift({
      value,
      label: t('baseSelect.option', { name: chosen.data.name, county: chosen.data.countyName }),
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
      loading={bases.isFetching}
      placeholder={t('baseSelect.placeholder')}
      notFoundContent={name ? t('baseSelect.noMatch') : t('baseSelect.typeToSearch')}
      options={options}
    />
  );
}
