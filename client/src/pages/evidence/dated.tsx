import { Badge, DatePicker, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';

/** A record in force from its start to its end date, both inclusive (no end: still in force). */
export interface Dated {
  startDate: string;
  endDate?: string;
}

/** "2024-01-01 to 2024-12-31", or "from 2024-01-01" when open-ended. */
export function datesText(record: Dated, t: TFunction): string {
  return record.endDate
    ? t('course.dateRange', { start: formatDate(record.startDate), end: formatDate(record.endDate) })
    : t('evidence.openEnded', { start: formatDate(record.startDate) });
}

/** Whether the record is in force today, not yet, or no longer, as a status dot with its words. */
export function InForceBadge({ record }: { record: Dated }) {
  const { t } = useTranslation();
  const today = dayjs().format('YYYY-MM-DD');
  if (record.startDate > today) return <Badge status="default" text={t('evidence.notStarted')} />;
  if (record.endDate && record.endDate < today) {
    return <Badge status="default" text={t('evidence.ended', { date: formatDate(record.endDate) })} />;
  }
  return <Badge status="success" text={t('evidence.inForce')} />;
}

export interface DateValues {
  startDate: Dayjs;
  endDate?: Dayjs;
}

/** A start date (at most a year ahead, as the API takes) and an optional end date, its last day in force. */
export function DateFields({ startLabel, endLabel }: { startLabel?: string; endLabel?: string }) {
  const { t } = useTranslation();
  const yearAhead = dayjs().add(1, 'year');
  return (
    <>
      <Form.Item
        name="startDate"
        label={startLabel ?? t('evidence.startDate')}
        rules={[{ required: true, message: t('evidence.startDateRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(yearAhead, 'day')} />
      </Form.Item>
      <Form.Item
        name="endDate"
        label={endLabel ?? t('evidence.endDate')}
        extra={t('evidence.endDateHelp')}
        dependencies={['startDate']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, end: Dayjs | undefined) =>
              !end || !end.isBefore(getFieldValue('startDate'), 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('problems.dates.end_before_start'))),
          }),
        ]}
      >
        <DatePicker />
      </Form.Item>
    </>
  );
}

/** A date filter kept in the address as `YYYY-MM-DD`. */
export function dateValue(value: string | undefined): Dayjs | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = dayjs(value);
  return date.isValid() ? date : undefined;
}
