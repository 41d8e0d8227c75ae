import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type BenefitLinkDto, type BenefitLinkMonthsRequest } from '../../api';
import { FormDialog } from '../../components/FormDialog';

/** The most months the API records at once. */
export const MAX_MONTHS = 24;
/** The largest amount of a month the API takes, in yuan. */
const MAX_AMOUNT = 100_000_000;

export interface MonthRow {
  month?: Dayjs;
  amount?: number;
}

interface MonthsValues {
  months: MonthRow[];
}

/** The rows as the API takes them: `yyyy-MM` and yuan, in the order shown (errors name rows by index). */
export function monthsRequest(values: MonthsValues): BenefitLinkMonthsRequest {
  return {
    months: values.months.map((row) => ({ month: row.month!.format('YYYY-MM'), amount: row.amount ?? 0 })),
  };
}

/** Whether a month lies outside the link's dates or after the current month: no amount can be recorded for it. */
function outsideLink(link: BenefitLinkDto) {
  return (month: Dayjs) =>
    month.isBefore(dayjs(link.startDate), 'month') ||
    (!!link.endDate && month.isAfter(dayjs(link.endDate), 'month')) ||
    month.isAfter(dayjs(), 'month');
}

function MonthRows({ link }: { link: BenefitLinkDto }) {
  const { t } = useTranslation();
  return (
    <Form.List name="months">
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <fieldset key={row.key} className="form-fieldset list-row">
              <legend>{t('links.months.row', { number: index + 1 })}</legend>
              <Flex gap="small" wrap align="start">
                <Form.Item
                  name={[row.name, 'month']}
                  label={t('links.months.month')}
                  rules={[{ required: true, message: t('links.months.monthRequired') }]}
                >
                  <DatePicker picker="month" format="YYYY-MM" disabledDate={outsideLink(link)} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'amount']}
                  label={t('links.months.amountYuan')}
                  rules={[{ required: true, message: t('links.months.amountRequired') }]}
                >
                  <InputNumber min={0} max={MAX_AMOUNT} precision={2} className="amount-input" />
                </Form.Item>
                <Button
                  className="row-remove"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('links.months.removeRow', { number: index + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            </fieldset>
          ))}
          <Button icon={<PlusOutlined aria-hidden />} disabled={rows.length >= MAX_MONTHS} onClick={() => add({})}>
            {t('links.months.addRow')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * Records what a link brought its household, month by month (1 to 24 months at once, all or
 * nothing). An amount replaces the month's amount; 0 removes the month. The server's objections name
 * the row (`months[2].month`) and are shown on it.
 */
export function MonthsDialog({
  link,
  rows,
  onSaved,
  onClosed,
}: {
  link: BenefitLinkDto;
  /** The rows to start from: one month to correct, or an empty row. */
  rows: MonthRow[];
  onSaved: (link: BenefitLinkDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<MonthsValues, BenefitLinkDto>
      name="linkMonths"
      title={t('links.months.dialogTitle', { name: link.householdHeadName })}
      submitLabel={t('common.save')}
      width={640}
      initialValues={{ months: rows }}
      onSubmit={(values) => api.recordBenefitLinkMonths(link.id, monthsRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>{t('links.months.notice', { max: MAX_MONTHS })}</Typography.Paragraph>
      <MonthRows link={link} />
    </FormDialog>
  );
}
