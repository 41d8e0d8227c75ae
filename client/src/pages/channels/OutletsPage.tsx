import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, ChannelLevel, OutletLocation, type OutletDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { useCountyName } from './CountyOrCityField';
import { OutletDialog } from './OutletDialog';
import { CHANNEL_LEVELS, OUTLET_LOCATIONS, OUTLETS_KEY, useSavedOutlet } from './useChannels';

const FILTER_KEYS = ['countyId', 'location', 'level'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Specialty zones and counters (专区专柜) selling disabled people's products, in the officer's scope. */
export function OutletsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const saved = useSavedOutlet();
  const counties = useCountyOptions();
  const countyName = useCountyName();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const outlets = useQuery({
    queryKey: [...OUTLETS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getOutlets(
        filters.countyId,
        enumValue(OutletLocation, filters.location),
        enumValue(ChannelLevel, filters.level),
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<OutletDto> = [
    {
      key: 'name',
      title: t('outlet.name'),
      render: (_, outlet) => <Link to={`/outlets/${outlet.id}`}>{outlet.name}</Link>,
    },
    { key: 'county', title: t('channel.county'), render: (_, outlet) => countyName(outlet.countyId) },
    { key: 'location', title: t('outlet.location'), render: (_, outlet) => t(`outlet.locations.${outlet.location}`) },
    { key: 'level', title: t('channel.level'), render: (_, outlet) => t(`channel.levels.${outlet.level}`) },
    { key: 'address', title: t('outlet.address'), dataIndex: 'address' },
    { key: 'openedOn', title: t('outlet.openedOn'), render: (_, outlet) => formatDate(outlet.openedOn) },
    {
      key: 'participants',
      title: t('outlet.participants'),
      align: 'end',
      render: (_, outlet) => outlet.participants.length,
    },
    {
      key: 'feesWaived',
      title: t('outlet.feesWaivedYuan'),
      align: 'end',
      render: (_, outlet) => formatYuan(outlet.feesWaived, language),
    },
  ];

  return (
    <Page
      title={t('outlets.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('outlets.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="outletFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={list.setFilters}
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('channel.county')}>
            <Select allowClear className="filter-select" options={counties} />
          </Form.Item>
        )}
        <Form.Item name="location" label={t('outlet.location')}>
          <Select
            allowClear
            className="filter-select"
            options={OUTLET_LOCATIONS.map((value) => ({ value, label: t(`outlet.locations.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t('channel.level')}>
          <Select
            allowClear
            className="filter-select"
            options={CHANNEL_LEVELS.map((value) => ({ value, label: t(`channel.levels.${value}`) }))}
          />
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
      {outlets.error && <RequestError error={outlets.error} />}
      <DataTable<OutletDto>
        rowKey="id"
        caption={t('outlets.tableCaption')}
        columns={columns}
        dataSource={outlets.data?.items}
        loading={outlets.isFetching}
        locale={{ emptyText: t('outlets.none') }}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: outlets.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <OutletDialog
          onSaved={(outlet) => {
            saved(outlet);
            void navigate(`/outlets/${outlet.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
