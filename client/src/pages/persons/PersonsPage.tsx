import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  api,
  DisabilityCategory,
  DisabilityLevel,
  HouseholdRegistration,
  PersonStatus,
  PersonTags,
  type PersonListItemDto,
} from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import {
  booleanValue,
  columnSortOrder,
  enumValue,
  PAGE_SIZES,
  SORTABLE_COLUMN,
  sortParam,
  useListState,
} from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { PersonStatusBadge } from './PersonStatusBadge';
import { PERSON_TAGS } from './personRequest';

const FILTER_KEYS = [
  'countyId',
  'category',
  'level',
  'registration',
  'registeredPoor',
  'tag',
  'status',
  'name',
  'idNumber',
] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

function trimmed(values: Filters): Filters {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value?.trim() || undefined]));
}

export function PersonsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const sort = list.sort ?? 'name';

  const persons = useQuery({
    queryKey: ['persons', filters, sort, list.page, list.pageSize],
    queryFn: () =>
      api.getPersons(
        filters.countyId,
        enumValue(DisabilityCategory, filters.category),
        enumValue(DisabilityLevel, filters.level),
        enumValue(HouseholdRegistration, filters.registration),
        booleanValue(filters.registeredPoor),
        enumValue(PersonTags, filters.tag),
        enumValue(PersonStatus, filters.status),
        filters.name,
        filters.idNumber,
        sort,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const options = (values: Record<string, string>, prefix: string) =>
    Object.values(values).map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  const columns: TableColumnsType<PersonListItemDto> = [
    {
      key: 'name',
      title: t('person.name'),
      ...SORTABLE_COLUMN,
      sortOrder: columnSortOrder(sort, 'name'),
      render: (_, person) => <Link to={`/persons/${person.id}`}>{person.name}</Link>,
    },
    { key: 'idNumber', title: t('person.idNumber'), dataIndex: 'idNumberMasked' },
    { key: 'sex', title: t('person.sex'), render: (_, person) => t(`person.sexes.${person.sex}`) },
    {
      key: 'category',
      title: t('person.category'),
      ...SORTABLE_COLUMN,
      sortOrder: columnSortOrder(sort, 'category'),
      render: (_, person) => t(`person.categories.${person.category}`),
    },
    {
      key: 'level',
      title: t('person.level'),
      ...SORTABLE_COLUMN,
      sortOrder: columnSortOrder(sort, 'level'),
      render: (_, person) => t(`person.levels.${person.level}`),
    },
    {
      key: 'county',
      title: t('person.county'),
      ...SORTABLE_COLUMN,
      sortOrder: columnSortOrder(sort, 'county'),
      dataIndex: 'countyName',
    },
    {
      key: 'place',
      title: t('person.place'),
      render: (_, person) => [person.township, person.village].filter(Boolean).join(' '),
    },
    {
      key: 'registration',
      title: t('person.registration'),
      render: (_, person) => t(`person.registrations.${person.registration}`),
    },
    {
      key: 'registeredPoor',
      title: t('person.registeredPoor'),
      render: (_, person) => (person.isRegisteredPoor ? t('common.yes') : t('common.no')),
    },
    {
      key: 'tags',
      title: t('person.tags'),
      render: (_, person) => person.tags.map((tag) => <Tag key={tag}>{t(`person.tagNames.${tag}`)}</Tag>),
    },
    { key: 'status', title: t('person.status'), render: (_, person) => <PersonStatusBadge status={person.status} /> },
  ];

  return (
    <Page
      title={t('persons.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate('/persons/new')}>
            {t('persons.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="personFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={(values) => list.setFilters(trimmed(values))}
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('person.county')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              options={counties}
            />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('person.category')}>
          <Select allowClear className="filter-select" options={options(DisabilityCategory, 'person.categories')} />
        </Form.Item>
        <Form.Item name="level" label={t('person.level')}>
          <Select allowClear className="filter-select" options={options(DisabilityLevel, 'person.levels')} />
        </Form.Item>
        <Form.Item name="registration" label={t('person.registration')}>
          <Select
            allowClear
            className="filter-select"
            options={options(HouseholdRegistration, 'person.registrations')}
          />
        </Form.Item>
        <Form.Item name="registeredPoor" label={t('person.registeredPoor')}>
          <Select allowClear className="filter-select" options={yesNo} />
        </Form.Item>
        <Form.Item name="tag" label={t('person.tag')}>
          <Select
            allowClear
            className="filter-select"
            options={PERSON_TAGS.map((tag) => ({ value: tag, label: t(`person.tagNames.${tag}`) }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('person.status')}>
          <Select allowClear className="filter-select" options={options(PersonStatus, 'person.statuses')} />
        </Form.Item>
        <Form.Item name="name" label={t('persons.nameContains')}>
          <Input allowClear autoComplete="off" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('persons.idNumberExact')}>
          <Input allowClear autoComplete="off" className="id-number-input" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            onClick={() => {
              form.setFieldsValue(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])));
              list.setFilters({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Form.Item>
      </Form>
      {persons.error && <RequestError error={persons.error} />}
      <DataTable<PersonListItemDto>
        rowKey="id"
        caption={t('persons.tableCaption')}
        columns={columns}
        dataSource={persons.data?.items}
        loading={persons.isFetching}
        onChange={(_pagination, _filters, sorter, { action }) => {
          if (action === 'sort') list.setSort(sortParam(sorter));
        }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: persons.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
    </Page>
  );
}
