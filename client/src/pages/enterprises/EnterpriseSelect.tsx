import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type EnterpriseRoles } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { ENTERPRISES_KEY } from './useEnterprises';

interface EnterpriseSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (enterpriseId: string) => void;
  /** Only enterprises with this role. */
  role?: EnterpriseRoles;
}

/** Picks a registered enterprise by typing part of its name; the credit code tells namesakes apart. */
export function EnterpriseSelect({ id, value, onChange, role }: EnterpriseSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim());
  const enterprises = useQuery({
    queryKey: [...ENTERPRISES_KEY, 'search', role, name],
    queryFn: () => api.getEnterprises(role, undefined, name, 1, 20),
    enabled: name.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={enterprises.isFetching}
      placeholder={t('enterpriseSelect.placeholder')}
      notFoundContent={name ? t('enterpriseSelect.noMatch') : t('enterpriseSelect.typeToSearch')}
      options={(enterprises.data?.items ?? []).map((enterprise) => ({
        value: enterprise.id,
        label: t('enterpriseSelect.option', { name: enterprise.name, creditCode: enterprise.creditCode }),
      }))}
    />
  );
}
