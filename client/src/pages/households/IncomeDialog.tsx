import { Form, InputNumber } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type HouseholdDto, type IncomeRecordDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { MIN_YEAR } from './HouseholdDialog';

interface IncomeValues {
  year: number;
  perCapitaIncome: number;
}

/** Records a year's per-capita net income, or corrects the record of a year already there. */
export function IncomeDialog({
  household,
  record,
  onSaved,
  onClosed,
}: {
  household: HouseholdDto;
  record?: IncomeRecordDto;
  onSaved: (household: HouseholdDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog<IncomeValues, HouseholdDto>
      name="income"
      title={record ? t('households.income.correctTitle', { year: record.year }) : t('households.income.record')}
      submitLabel={t('common.save')}
      initialValues={record ?? { year: dayjs().year() - 1 }}
      onSubmit={({ year, perCapitaIncome }) => api.recordHouseholdIncome(household.id, year, { perCapitaIncome })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="year"
        label={t('households.income.year')}
        rules={[{ required: true, message: t('households.income.yearRequired') }]}
      >
        <InputNumber min={MIN_YEAR} max={dayjs().year()} precision={0} disabled={!!record} />
      </Form.Item>
      <Form.Item
        name="perCapitaIncome"
        label={t('households.income.perCapitaIncome')}
        rules={[{ required: true, message: t('households.income.amountRequired') }]}
      >
        <InputNumber min={0} max={10_000_000} precision={2} className="amount-input" />
      </Form.Item>
    </FormDialog>
  );
}
