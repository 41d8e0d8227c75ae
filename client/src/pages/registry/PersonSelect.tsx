import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, PersonStatus, type PersonListItemDto } from '../../api';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { personKey } from '../persons/usePerson';

interface PersonSelectProps {
  /** Set by Form.Item. */
  id?: string;
  value?: string;
  onChange?: (personId: string) => void;
  /** Only people registered in this county. */
  countyId?: string;
  /** Which people can be chosen, by household (default `none`). */
  household?: keyof typeof HOUSEHOLD_RULES;
  /** Offers to clear the choice (in a filter, say). */
  allowClear?: boolean;
  className?: string;
}

/**
 * The label of a person who cannot be chosen under each household rule, naming the reason; nothing
 * when they can be. `none`: only people in no household, as a person is in one household only;
 * `required`: only people in a household (to name a family member of theirs); `any`: everyone.
 */
const HOUSEHOLD_RULES: Record<'none' | 'required' | 'any', (person: PersonListItemDto) => string | undefined> = {
  none: (person) => (person.householdId ? 'personSelect.optionInHousehold' : undefined),
  required: (person) => (person.householdId ? undefined : 'personSelect.optionNoHousehold'),
  any: () => undefined,
};

/**
 * Picks an active person from the registry by typing part of their name. People the household rule
 * excludes are listed, with the reason, but cannot be chosen.
 */
export function PersonSelect({
  id,
  value,
  onChange,
  countyId,
  household = 'none',
  allowClear,
  className,
}: PersonSelectProps) {
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
  const found = persons.data?.items ?? [];
  // A value chosen before (kept in a list's address, say) is named even when no search has found it.
  const chosen = useQuery({
    queryKey: personKey(value ?? ''),
    queryFn: () => api.getPerson(value!),
    enabled: !!value && !found.some((person) => person.id === value),
  });
  const options = found.map((person) => {
    const excludedLabel = HOUSEHOLD_RULES[household](person);
    return {
      value: person.id,
      disabled: excludedLabel !== undefined,
      label: t(excludedLabel ?? 'personSelect.option', { name: person.name, idNumber: person.idNumberMasked }),
    };
  });
  if (value && chosen.data?.id === value && !found.some((person) => person.id === value)) {
    options.unshift({
      value,
      disabled: false,
      label: t('personSelect.option', { name: chosen.data.name, idNumber: chosen.data.idNumberMasked }),
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
      loading={persons.isFetching}
      placeholder={t('personSelect.placeholder')}
      notFoundContent={name ? t('personSelect.noMatch') : t('personSelect.typeToSearch')}
      options={options}
    />
  );
}
