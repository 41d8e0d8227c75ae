import { CheckOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, toProblem, type PendingSalesDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { PAGE_SIZES, useListState } from '../../components/useListState';
import { ProblemAlert, RequestError } from '../../errors/ProblemAlert';
import type { ReportedProblem } from '../../errors/useProblem';
import { formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { useCountyOptions } from '../registry/useCounties';
import { PENDING_SALES_KEY, useSalesChanged } from '../shops/useShop';
import { sumYuan } from './salesText';

const FILTER_KEYS = ['countyId', 'shopId'] as const;
/** The field a batch confirmation names its failing item by: `ids[i]`, i its place in the batch. */
const BATCH_ITEM = /^ids\[(\d+)\]$/;

/** The failed record of a batch, by the field the API named it with; none when the problem names no item. */
function failedItem(error: unknown, sent: readonly PendingSalesDto[]): PendingSalesDto | undefined {
  const index = toProblem(error)
    .fieldErrors?.map((fieldError) => BATCH_ITEM.exec(fieldError.field))
    .find((match) => match !== null)?.[1];
  return index === undefined ? undefined : sent[Number(index)];
}

/**
 * Staff-entered sales awaiting a second officer, oldest first. A writer selects records and confirms
 * them in one batch: all of them or, when one cannot be confirmed, none. An officer's own entries
 * cannot be selected.
 */
export function PendingSalesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const counties = useCountyOptions();
  const changed = useSalesChanged();
  const list = useListState(FILTER_KEYS);
  const { filters } = list;
  const [selected, setSelected] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ reported: ReportedProblem; id?: string } | null>(null);

  const pending = useQuery({
    queryKey: [...PENDING_SALES_KEY, filters, list.page, list.pageSize],
    queryFn: () => api.getPendingSales(filters.countyId, filters.shopId, list.page, list.pageSize),
    placeholderData: keepPreviousData,
  });
  const items = pending.data?.items ?? [];
  // In the table's order, so that the API's ids[i] names the i-th selected row as shown.
  const chosen = items.filter((item) => selected.includes(item.id));

  const confirm = useMutation({
    mutationFn: (batch: PendingSalesDto[]) => api.confirmSalesBatch({ ids: batch.map((item) => item.id) }),
    onMutate: () => setFailure(null),
    onSuccess: (result) => {
      setSelected([]);
      changed();
      void message.success(
        t('pendingSales.confirmed', { count: result.confirmed, net: formatYuan(result.net, language) }),
      );
    },
    onError: (error, batch) => {
      const item = failedItem(error, batch);
      const unclaimed = item
        ? [t('pendingSales.failedItem', { shop: item.shopName, period: item.period }), t('pendingSales.noneConfirmed')]
        : [t('pendingSales.noneConfirmed')];
      setFailure({ reported: { problem: toProblem(error), unclaimed }, id: item?.id });
    },
  });
  const askConfirm = () => {
    const batch = chosen;
    modal.confirm({
      title: t('pendingSales.confirmTitle', { count: batch.length }),
      content: t('pendingSales.confirmDetail', {
        net: formatYuan(sumYuan(batch.map((item) => item.net)), language),
      }),
      okText: t('sales.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => confirm.mutateAsync(batch).catch(() => undefined),
    });
  };

  const yuan = (value: number) => formatYuan(value, language);
  const columns: TableColumnsType<PendingSalesDto> = [
    {
      key: 'shop',
      title: t('sales.shop'),
      render: (_, item) => <Link to={`/shops/${item.shopId}`}>{item.shopName}</Link>,
    },
    { key: 'platform', title: t('shop.platform'), dataIndex: 'platformName' },
    { key: 'county', title: t('shop.county'), dataIndex: 'countyName' },
    { key: 'period', title: t('sales.period'), dataIndex: 'period', className: 'nowrap' },
    { key: 'orderCount', title: t('sales.orderCount'), dataIndex: 'orderCount', align: 'end' },
    { key: 'gross', title: t('sales.grossYuan'), render: (_, item) => yuan(item.grossAmount), align: 'end' },
    { key: 'refunds', title: t('sales.refundsYuan'), render: (_, item) => yuan(item.refunds), align: 'end' },
    { key: 'net', title: t('sales.netYuan'), render: (_, item) => yuan(item.net), align: 'end' },
    { key: 'recordedAt', title: t('sales.recordedAt'), render: (_, item) => formatDateTime(item.recordedAt) },
    {
      key: 'confirmation',
      title: t('pendingSales.confirmation'),
      render: (_, item) =>
        item.canConfirm ? (
          t('pendingSales.awaitingYou')
        ) : (
          <Typography.Text type="secondary">{t('sales.ownEntry')}</Typography.Text>
        ),
    },
  ];

  return (
    <Page title={t('pendingSales.title')}>
      <Flex vertical gap="middle">
        <Typography.Paragraph>{t('pendingSales.intro')}</Typography.Paragraph>
        {filters.shopId && (
          <Alert
            type="info"
            showIcon
            title={items[0] ? t('pendingSales.oneShop', { shop: items[0].shopName }) : t('pendingSales.oneShopEmpty')}
            action={
              <Button
                size="small"
                onClick={() => {
                  setSelected([]);
                  list.setFilters({ countyId: filters.countyId });
                }}
              >
                {t('pendingSales.allShops')}
              </Button>
            }
          />
        )}
        {!user.countyId && (
          <Form
            name="pendingSalesFilters"
            layout="inline"
            className="filters"
            initialValues={filters}
            onFinish={(values: { countyId?: string }) => {
              setSelected([]);
              list.setFilters({ ...filters, ...values });
            }}
          >
            <Form.Item name="countyId" label={t('shop.county')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                className="filter-select"
                options={counties}
              />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit">
                {t('common.search')}
              </Button>
            </Form.Item>
          </Form>
        )}
        {pending.error && <RequestError error={pending.error} />}
        {failure && <ProblemAlert reported={failure.reported} />}
        {canWrite && (
          <Flex align="center" gap="middle" wrap>
            <Button
              type="primary"
              icon={<CheckOutlined aria-hidden />}
              disabled={chosen.length === 0}
              loading={confirm.isPending}
              onClick={askConfirm}
            >
              {t('pendingSales.confirmSelected', { count: chosen.length })}
            </Button>
            <Typography.Text role="status">
              {chosen.length > 0
                ? t('pendingSales.selectedTotal', {
                    count: chosen.length,
                    net: yuan(sumYuan(chosen.map((item) => item.net))),
                  })
                : t('pendingSales.noneSelected')}
            </Typography.Text>
          </Flex>
        )}
        <DataTable<PendingSalesDto>
          rowKey="id"
          caption={t('pendingSales.tableCaption')}
          columns={columns}
          dataSource={items}
          loading={pending.isFetching}
          rowClassName={(item) => (item.id === failure?.id ? 'row-failed' : '')}
          rowSelection={
            canWrite
              ? {
                  selectedRowKeys: selected,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getTitleCheckboxProps: () => ({ 'aria-label': t('pendingSales.selectAll') }),
                  getCheckboxProps: (item) => ({
                    disabled: !item.canConfirm,
                    'aria-label': item.canConfirm
                      ? t('pendingSales.select', { shop: item.shopName, period: item.period })
                      : t('pendingSales.cannotSelect', { shop: item.shopName, period: item.period }),
                  }),
                }
              : undefined
          }
          locale={{ emptyText: t('pendingSales.none') }}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: pending.data?.totalCount ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, size) => {
              setSelected([]);
              list.setPage(page, size);
            },
          }}
        />
      </Flex>
    </Page>
  );
}
