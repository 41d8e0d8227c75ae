import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, PersonStatus } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';

interface PersonSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (personId: string) => void;
  /** Only people registered in this county. */
  countyId?: string;
}

/**
 * Picks an active person from the registry by typing part of their name. People who already belong
 * to a household are listed but cannot be chosen, as a person is in one household only.
 */
export function PersonSelect({ id, value, onChange, countyId }: PersonSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const name = useDebouncedValue(search.trim());
  const persons = useQuery({
    queryKey: ['persons', 'search', countyId, name],
    queryFn: () =>
      api.getPersons(
        countyId,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        PersonStatus.Active,
        name,
        undefined,
        'name',
        1,
        20,
      ),
    enabled: name.length > 0,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={persons.isFetching}
      placeholder={t('personSelect.placeholder')}
      notFoundContent={name ? t('personSelect.noMatch') : t('personSelect.typeToSearch')}
      options={(persons.data?.items ?? []).map((person) => ({
        value: person.id,
        disabled: person.householdId != null,
        label: person.householdId
          ? t('personSelect.optionInHousehold', { name: person.name, idNumber: person.idNumberMasked })
          : t('personSelect.option', { name: person.name, idNumber: person.idNumberMasked }),
      }))}
    />
  );
}
