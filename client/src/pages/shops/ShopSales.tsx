import { PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Flex, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, RecordSource, toProblem, type SalesRecordDto, type ShopDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { RequestError } from '../../errors/ProblemAlert';
import { problemMessage } from '../../errors/problemMessage';
import { formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { PERMISSIONS } from '../../nav/navigation';
import { SalesStatusBadge, sumYuan } from '../sales/salesText';
import { useSalesChanged, useShopSales } from './useShop';

/** A shop's sales by period, with their source and whether they count, and confirmation of staff figures. */
export function ShopSales({ shop, onEnter }: { shop: ShopDto; onEnter: () => void }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const canWrite = user.permissions.includes(PERMISSIONS.programmeWrite);
  const sales = useShopSales(shop.id);
  const changed = useSalesChanged();
  const confirm = useMutation({
    mutationFn: (record: SalesRecordDto) => api.confirmSales(record.id),
    onSuccess: (record) => {
      changed();
      void message.success(t('shops.sales.confirmed', { period: record.period }));
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });
  const askConfirm = (record: SalesRecordDto) =>
    modal.confirm({
      title: t('shops.sales.confirmTitle', { period: record.period }),
      content: t('shops.sales.confirmDetail', {
        net: formatYuan(record.net, language),
        orders: record.orderCount,
      }),
      okText: t('sales.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => confirm.mutateAsync(record).catch(() => undefined),
    });

  const yuan = (value: number) => formatYuan(value, language);
  const columns: TableColumnsType<SalesRecordDto> = [
    { key: 'period', title: t('sales.period'), dataIndex: 'period', className: 'nowrap' },
    { key: 'orderCount', title: t('sales.orderCount'), dataIndex: 'orderCount', align: 'end' },
    { key: 'units', title: t('sales.units'), dataIndex: 'units', align: 'end' },
    { key: 'gross', title: t('sales.grossYuan'), render: (_, record) => yuan(record.grossAmount), align: 'end' },
    { key: 'refunds', title: t('sales.refundsYuan'), render: (_, record) => yuan(record.refunds), align: 'end' },
    { key: 'net', title: t('sales.netYuan'), render: (_, record) => yuan(record.net), align: 'end' },
    { key: 'source', title: t('sales.source'), render: (_, record) => t(`sales.sources.${record.source}`) },
    { key: 'status', title: t('sales.status'), render: (_, record) => <SalesStatusBadge record={record} /> },
    {
      key: 'superseded',
      title: t('sales.supersededVersions'),
      dataIndex: 'supersededVersions',
      align: 'end',
    },
    { key: 'recordedAt', title: t('sales.recordedAt'), render: (_, record) => formatDateTime(record.recordedAt) },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, record: SalesRecordDto) => {
              if (record.source !== RecordSource.Staff || record.isCounted) return null;
              if (record.enteredById === user.id) {
                return <Typography.Text type="secondary">{t('sales.ownEntry')}</Typography.Text>;
              }
              return (
                <Button
                  type="link"
                  size="small"
                  aria-label={t('common.actionFor', { action: t('sales.confirm'), name: record.period })}
                  onClick={() => askConfirm(record)}
                >
                  {t('sales.confirm')}
                </Button>
              );
            },
          },
        ]
      : []),
  ];

  const counted = (sales.data ?? []).filter((record) => record.isCounted);
  const awaiting = (sales.data ?? []).filter((record) => !record.isCounted).length;
  return (
    <Card
      title={<h2 className="card-title">{t('shops.sales.title')}</h2>}
      extra={
        canWrite && (
          <Button icon={<PlusOutlined aria-hidden />} onClick={onEnter}>
            {t('shops.sales.enter')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        {sales.error && <RequestError error={sales.error} />}
        {sales.data && (
          <Typography.Paragraph>
            {t('shops.sales.countedTotal', {
              net: yuan(sumYuan(counted.map((record) => record.net))),
              periods: counted.length,
            })}
            {awaiting > 0 && (
              <>
                {' '}
                <Link to={`/sales/pending?shopId=${shop.id}`} className="inline-link">
                  {t('shops.sales.awaiting', { count: awaiting })}
                </Link>
              </>
            )}
          </Typography.Paragraph>
        )}
        <DataTable<SalesRecordDto>
          rowKey="id"
          caption={t('shops.sales.tableCaption')}
          columns={columns}
          dataSource={sales.data}
          loading={sales.isFetching}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('shops.sales.none') }}
        />
      </Flex>
    </Card>
  );
}
