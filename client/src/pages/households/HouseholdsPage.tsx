import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, type HouseholdListItemDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import {
  booleanValue,
  columnSortOrder,
  PAGE_SIZES,
  SORTABLE_COLUMN,
  sortParam,
  useListState,
} from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { HouseholdDialog } from './HouseholdDialog';
import { HOUSEHOLDS_KEY } from './useHousehold';

const FILTER_KEYS = ['countyId', 'registeredPoor', 'exitedPoverty', 'headName'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function HouseholdsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const [form] = Form.useForm<Filters>();
  const [creating, setCreating] = useState(false);
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const sort = list.sort ?? 'head';

  const households = useQuery({
    queryKey: [...HOUSEHOLDS_KEY, filters, sort, list.page, list.pageSize],
    queryFn: () =>
      api.getHouseholds(
        filters.countyId,
        booleanValue(filters.registeredPoor),
        booleanValue(filters.exitedPoverty),
        filters.headName,
        sort,
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const yesNo = [
    { value: 'true', label: t('common.yes') },
    { value: 'false', label: t('common.no') },
  ];

  const columns: TableColumnsType<HouseholdListItemDto> = [
    {
      key: 'head',
      title: t('household.head'),
      ...SORTABLE_COLUMN,
      sortOrder: columnSortOrder(sort, 'head'),
      render: (_, household) => <Link to={`/households/${household.id}`}>{household.headName}</Link>,
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
      render: (_, household) => [household.township, household.village].filter(Boolean).join(' '),
    },
    {
      key: 'members',
      title: t('household.members'),
      render: (_, household) =>
        t('household.memberCount', { count: household.memberCount, disabled: household.disabledMemberCount }),
    },
    {
      key: 'registeredPoor',
      title: t('household.registeredPoor'),
      render: (_, household) =>
        household.isRegisteredPoor
          ? t('household.registeredIn', { year: household.registeredPoorYear ?? '' })
          : t('common.no'),
    },
    {
      key: 'povertyExitDate',
      title: t('household.povertyExitDate'),
      render: (_, household) => formatDate(household.povertyExitDate),
    },
  ];

  return (
    <Page
      title={t('households.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('households.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="householdFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={(values) => list.setFilters({ ...values, headName: values.headName?.trim() || undefined })}
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
        <Form.Item name="registeredPoor" label={t('household.registeredPoor')}>
          <Select allowClear className="filter-select" options={yesNo} />
        </Form.Item>
        <Form.Item name="exitedPoverty" label={t('household.exitedPoverty')}>
          <Select allowClear className="filter-select" options={yesNo} />
        </Form.Item>
        <Form.Item name="headName" label={t('households.headNameContains')}>
          <Input allowClear autoComplete="off" />
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
      {households.error && <RequestError error={households.error} />}
      <DataTable<HouseholdListItemDto>
        rowKey="id"
        caption={t('households.tableCaption')}
        columns={columns}
        dataSource={households.data?.items}
        loading={households.isFetching}
        onChange={(_pagination, _filters, sorter, { action }) => {
          if (action === 'sort') list.setSort(sortParam(sorter));
        }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: households.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <HouseholdDialog
          onSaved={(household) => void navigate(`/households/${household.id}`)}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
