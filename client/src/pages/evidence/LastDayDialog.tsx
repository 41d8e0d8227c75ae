import { DatePicker, Form, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import type { Dated } from './dated';

/**
 * Ends a dated record (an agreement, an employment, a benefit link) on its last day in force: the
 * record counts on that day and not after. The day is between the record's start and its end, if any.
 */
export function LastDayDialog<TResult>({
  name,
  title,
  submitLabel,
  detail,
  record,
  onSubmit,
  onSaved,
  onClosed,
}: {
  name: string;
  title: string;
  submitLabel: string;
  detail: string;
  record: Dated;
  onSubmit: (lastDay: string) => Promise<TResult>;
  onSaved: (result: TResult) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const outside = (date: Dayjs) =>
    date.isBefore(dayjs(record.startDate), 'day') || (!!record.endDate && date.isAfter(dayjs(record.endDate), 'day'));
  const today = dayjs();
  return (
    <FormDialog<{ lastDay: Dayjs }, TResult>
      name={name}
      title={title}
      submitLabel={submitLabel}
      initialValues={{ lastDay: outside(today) ? undefined : today }}
      onSubmit={({ lastDay }) => onSubmit(toDateOnly(lastDay))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>{detail}</Typography.Paragraph>
      <Form.Item
        name="lastDay"
        label={t('evidence.lastDay')}
        extra={t('evidence.lastDayHelp')}
        rules={[{ required: true, message: t('evidence.lastDayRequired') }]}
      >
        <DatePicker disabledDate={outside} />
      </Form.Item>
    </FormDialog>
  );
}
