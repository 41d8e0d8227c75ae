import { DatePicker, Form, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type AnnualSummaryRoundDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { defaultDueDate } from './useAnnualSummaries';

export interface AnnualSummaryRoundValues {
  year: number;
  dueDate?: Dayjs | null;
  dataCutOff: Dayjs;
}

/** The request that opens a round: the due date left out when not chosen (the API then takes 5 November). */
export function createRoundRequest(values: AnnualSummaryRoundValues) {
  return {
    year: values.year,
    dueDate: values.dueDate ? toDateOnly(values.dueDate) : undefined,
    dataCutOff: toDateOnly(values.dataCutOff),
  };
}

/**
 * Opens a year's round of annual summaries (the year, the data cut-off common to every county and the
 * due date, 5 November unless another is chosen) or moves an open round's dates, sending its version
 * in If-Match.
 */
export function AnnualSummaryRoundDialog({
  round,
  onSaved,
  onClosed,
}: {
  round?: AnnualSummaryRoundDto;
  onSaved: (round: AnnualSummaryRoundDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const thisYear = dayjs().year();
  const initialValues: Partial<AnnualSummaryRoundValues> = round
    ? { year: round.year, dueDate: dayjs(round.dueDate), dataCutOff: dayjs(round.dataCutOff) }
    : { year: thisYear };
  const submit = (values: AnnualSummaryRoundValues) =>
    round
      ? api.updateAnnualSummaryRound(
          round.id,
          { dueDate: toDateOnly(values.dueDate!), dataCutOff: toDateOnly(values.dataCutOff) },
          `"${round.version}"`,
        )
      : api.createAnnualSummaryRound(createRoundRequest(values));
  return (
    <FormDialog<AnnualSummaryRoundValues, AnnualSummaryRoundDto>
      name="annualSummaryRound"
      title={
        round
          ? t('annualSummaries.editTitle', { title: t('annualSummaries.roundTitle', { year: round.year }) })
          : t('annualSummaries.create')
      }
      submitLabel={round ? t('common.save') : t('common.create')}
      initialValues={initialValues}
      onSubmit={submit}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="year"
        label={t('annualSummaries.year')}
        rules={[{ required: true, message: t('annualSummaries.form.yearRequired') }]}
      >
        <InputNumber min={2000} max={2100} precision={0} disabled={!!round} />
      </Form.Item>
      <Form.Item
        name="dataCutOff"
        label={t('annualSummaries.dataCutOff')}
        extra={t('annualSummaries.form.dataCutOffHelp')}
        rules={[{ required: true, message: t('annualSummaries.form.dataCutOffRequired') }]}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item noStyle dependencies={['year']}>
        {({ getFieldValue }) => (
          <Form.Item
            name="dueDate"
            label={t('annualSummaries.dueDate')}
            extra={
              round
                ? undefined
                : t('annualSummaries.form.dueDateHelp', {
                    date: defaultDueDate((getFieldValue('year') as number | undefined) ?? thisYear),
                  })
            }
            rules={round ? [{ required: true, message: t('annualSummaries.form.dueDateRequired') }] : []}
          >
            <DatePicker />
          </Form.Item>
        )}
      </Form.Item>
    </FormDialog>
  );
}
