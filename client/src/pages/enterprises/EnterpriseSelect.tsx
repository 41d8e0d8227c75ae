import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type EnterpriseRoles } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { enterpriseKey, ENTERPRISES_KEY } from './useEnterprises';

interface EnterpriseSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (enterpriseId: string) => void;
  /** Only enterprises with this role. */
  role?: EnterpriseRoles;
  /** Offers to clear the choice (in a filter, say). */
  allowClear?: boolean;
  className?: string;
}

/** Picks a registered enterprise by typing part of its name; the credit code tells namesakes apart. */
export function EnterpriseSelect({ id, value, onChange, role, allowClear, className }: EnterpriseSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim());
  const enterprises = useQuery({
    queryKey: [...ENTERPRISES_KEY, 'search', role, name],
    queryFn: () => api.getEnterprises(role, undefined, name, 1, 20),
    enabled: name.length > 0,
    placeholderData: keepPreviousData,
  });
  const found = enterprises.data?.items ?? [];
  // A value chosen before (kept in a list's address, or the one a record has) is named without a search.
  const chosen = useQuery({
    queryKey: enterpriseKey(value ?? ''),
    queryFn: () => api.getEnterprise(value!),
    enabled: !!value && !found.some((enterprise) => enterprise.id === value),
  });
  const options = found.map((enterprise) => ({
    value: enterprise.id,
    label: t('enterpriseSelect.option', { name: enterprise.name, creditCode: enterprise.creditCode }),
  }));
  if (value && chosen.data?.id === value && !found.some((enterprise) => enterprise.id === value)) {
    options.unshift({
      value,
      label: t('enterpriseSelect.option', { name: chosen.data.name, creditCode: chosen.data.creditCode }),
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
      loading={enterprises.isFetching}
      placeholder={t('enterpriseSelect.placeholder')}
      notFoundContent={name ? t('enterpriseSelect.noMatch') : t('enterpriseSelect.typeToSearch')}
      options={options}
    />
  );
}
