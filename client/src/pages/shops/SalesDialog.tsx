import { DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ReportingGranularity, type SalesRecordDto, type ShopDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';

/** The most orders or units of one period the API takes. */
const MAX_COUNT = 100_000_000;
/** The largest amount of one period the API takes, in yuan. */
const MAX_AMOUNT = 1_000_000_000;

interface SalesValues {
  period: Dayjs;
  orderCount: number;
  units: number;
  grossAmount: number;
  refunds: number;
}

/** The period as the API takes it: a month (yyyy-MM) or a day (yyyy-MM-dd), as the shop reports. */
export function periodText(period: Dayjs, granularity: ReportingGranularity): string {
  return period.format(granularity === ReportingGranularity.Monthly ? 'YYYY-MM' : 'YYYY-MM-DD');
}

/**
 * An officer enters a period's figures of a shop. They replace any figures of that period (which are
 * kept as history) and count only once another officer confirms them.
 */
export function SalesDialog({
  shop,
  onSaved,
  onClosed,
}: {
  shop: ShopDto;
  onSaved: (record: SalesRecordDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const monthly = shop.granularity === ReportingGranularity.Monthly;
  const unit = monthly ? 'month' : 'day';
  const outsideShop = (date: Dayjs) =>
    date.isAfter(dayjs(), unit) ||
    date.isBefore(dayjs(shop.openedOn), unit) ||
    (!!shop.closedOn && date.isAfter(dayjs(shop.closedOn), unit));
  return (
    <FormDialog<SalesValues, SalesRecordDto>
      name="sales"
      title={t('shops.sales.entryTitle', { name: shop.name })}
      submitLabel={t('common.save')}
      initialValues={{ refunds: 0 }}
      onSubmit={(values) =>
        api.recordSales(shop.id, {
          period: periodText(values.period, shop.granularity),
          orderCount: values.orderCount,
          units: values.units,
          grossAmount: values.grossAmount,
          refunds: values.refunds ?? 0,
        })
      }
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>{t('shops.sales.entryNotice')}</Typography.Paragraph>
      <Form.Item
        name="period"
        label={monthly ? t('shops.sales.month') : t('shops.sales.day')}
        extra={monthly ? t('shops.sales.monthHelp') : t('shops.sales.dayHelp')}
        rules={[{ required: true, message: t('shops.sales.periodRequired') }]}
      >
        {monthly ? (
          <DatePicker picker="month" format="YYYY-MM" disabledDate={outsideShop} />
        ) : (
          <DatePicker disabledDate={outsideShop} />
        )}
      </Form.Item>
      <Form.Item
        name="orderCount"
        label={t('sales.orderCount')}
        rules={[{ required: true, message: t('shops.sales.orderCountRequired') }]}
      >
        <InputNumber min={0} max={MAX_COUNT} precision={0} />
      </Form.Item>
      <Form.Item
        name="units"
        label={t('sales.units')}
        rules={[{ required: true, message: t('shops.sales.unitsRequired') }]}
      >
        <InputNumber min={0} max={MAX_COUNT} precision={0} />
      </Form.Item>
      <Form.Item
        name="grossAmount"
        label={t('sales.grossYuan')}
        rules={[{ required: true, message: t('shops.sales.grossAmountRequired') }]}
      >
        <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item name="refunds" label={t('sales.refundsYuan')} extra={t('shops.sales.refundsHelp')}>
        <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
      </Form.Item>
    </FormDialog>
  );
}
