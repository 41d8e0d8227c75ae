import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { api, ShopStatus, type ShopDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { enumValue, PAGE_SIZES, useListState } from '../../components/useListState';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate } from '../../format';
import { PERMISSIONS } from '../../nav/navigation';
import { usePlatforms } from '../enterprises/useEnterprises';
import { PersonSelect } from '../registry/PersonSelect';
import { useCountyOptions } from '../registry/useCounties';
import { ShopDialog } from './ShopDialog';
import { ShopOwner, ShopStatusBadge } from './shopText';
import { SHOPS_KEY, useSavedShop } from './useShop';

const FILTER_KEYS = ['countyId', 'platformId', 'ownerPersonId', 'status'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** Shops in the officer's scope, newest first, by county, platform, owner and status. */
export function ShopsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const platforms = usePlatforms();
  const saved = useSavedShop();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Filters>();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;

  const shops = useQuery({
    queryKey: [...SHOPS_KEY, filters, list.page, list.pageSize],
    queryFn: () =>
      api.getShops(
        filters.countyId,
        filters.platformId,
        filters.ownerPersonId,
        enumValue(ShopStatus, filters.status),
        list.page,
        list.pageSize,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ShopDto> = [
    {
      key: 'name',
      title: t('shop.name'),
      render: (_, shop) => <Link to={`/shops/${shop.id}`}>{shop.name}</Link>,
    },
    { key: 'platform', title: t('shop.platform'), dataIndex: 'platformName' },
    { key: 'platformShopId', title: t('shop.platformShopId'), dataIndex: 'platformShopId' },
    { key: 'owner', title: t('shop.owner'), render: (_, shop) => <ShopOwner shop={shop} /> },
    { key: 'county', title: t('shop.county'), dataIndex: 'countyName' },
    {
      key: 'granularity',
      title: t('shop.granularity'),
      render: (_, shop) => t(`shop.granularities.${shop.granularity}`),
    },
    { key: 'openedOn', title: t('shop.openedOn'), render: (_, shop) => formatDate(shop.openedOn) },
    { key: 'status', title: t('shop.status'), render: (_, shop) => <ShopStatusBadge shop={shop} /> },
    { key: 'source', title: t('shop.source'), render: (_, shop) => t(`shop.sources.${shop.source}`) },
  ];

  return (
    <Page
      title={t('shops.title')}
      actions={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t('shops.create')}
          </Button>
        )
      }
    >
      <Form<Filters>
        form={form}
        name="shopFilters"
        layout="inline"
        className="filters"
        initialValues={filters}
        onFinish={(values) => list.setFilters(values)}
      >
        {!user.countyId && (
          <Form.Item name="countyId" label={t('shop.county')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              options={counties}
            />
          </Form.Item>
        )}
        <Form.Item name="platformId" label={t('shop.platform')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-select"
            options={platforms.data?.map((platform) => ({ value: platform.id, label: platform.name }))}
          />
        </Form.Item>
        <Form.Item name="ownerPersonId" label={t('shops.ownerPerson')}>
          <PersonSelect household="any" countyId={user.countyId} allowClear className="person-filter" />
        </Form.Item>
        <Form.Item name="status" label={t('shop.status')}>
          <Select
            allowClear
            className="filter-select"
            options={Object.values(ShopStatus).map((value) => ({ value, label: t(`shop.statuses.${value}`) }))}
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
      {shops.error && <RequestError error={shops.error} />}
      <DataTable<ShopDto>
        rowKey="id"
        caption={t('shops.tableCaption')}
        columns={columns}
        dataSource={shops.data?.items}
        loading={shops.isFetching}
        pagination={{
          current: list.page,
          pageSize: list.pageSize,
          total: shops.data?.totalCount ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: list.setPage,
        }}
      />
      {creating && (
        <ShopDialog
          onSaved={(shop) => {
            saved(shop);
            void navigate(`/shops/${shop.id}`);
          }}
          onClosed={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
