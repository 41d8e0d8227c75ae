import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, DayCountBasis, type CreateLoanCommand, type LoanDto, type LoanProgramme } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { PersonSelect } from '../registry/PersonSelect';
import { PERCENT_DECIMALS, percentToFraction } from './loanRate';
import { DAY_COUNT_BASES, LOAN_PROGRAMMES } from './useLoans';

/** The longest term the API takes, in months. */
const MAX_TERM_MONTHS = 360;
/** The largest principal the form takes, in yuan. */
const MAX_PRINCIPAL = 100_000_000;

export interface LoanValues {
  borrowerId: string;
  programme: LoanProgramme;
  lender: string;
  principal: number;
  /** A percentage in the form (4.35); the API takes a fraction (0.0435). */
  annualRate: number;
  dayCountBasis: DayCountBasis;
  startDate: Dayjs;
  termMonths: number;
}

/** The loan as the API takes it: the rate entered as a percentage sent as a fraction. */
export function loanRequest(values: LoanValues): CreateLoanCommand {
  return {
    borrowerId: values.borrowerId,
    programme: values.programme,
    lender: values.lender.trim(),
    principal: values.principal,
    annualRate: percentToFraction(values.annualRate),
    dayCountBasis: values.dayCountBasis,
    startDate: toDateOnly(values.startDate),
    termMonths: values.termMonths,
  };
}

/**
 * Records a loan of a registered disabled person as the loan contract says (扶贫小额信贷 or a disabled
 * entrepreneur's business loan), once it has started. The annual rate is entered as a percentage.
 */
export function LoanDialog({ onSaved, onClosed }: { onSaved: (loan: LoanDto) => void; onClosed: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <FormDialog<LoanValues, LoanDto>
      name="loan"
      title={t('loans.create')}
      submitLabel={t('common.create')}
      initialValues={{ dayCountBasis: DayCountBasis.Actual360 }}
      onSubmit={(values) => api.createLoan(loanRequest(values))}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Form.Item
        name="borrowerId"
        label={t('loan.borrower')}
        extra={t('loans.form.borrowerHelp')}
        rules={[{ required: true, message: t('loans.form.borrowerRequired') }]}
      >
        <PersonSelect countyId={user.countyId} household="any" />
      </Form.Item>
      <Form.Item
        name="programme"
        label={t('loan.programme')}
        rules={[{ required: true, message: t('loans.form.programmeRequired') }]}
      >
        <Select options={LOAN_PROGRAMMES.map((value) => ({ value, label: t(`loan.programmes.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="lender"
        label={t('loan.lender')}
        extra={t('loans.form.lenderHelp')}
        rules={[{ required: true, whitespace: true, message: t('loans.form.lenderRequired') }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="principal"
        label={t('loan.principalYuan')}
        rules={[{ required: true, message: t('loans.form.principalRequired') }]}
      >
        <InputNumber min={0.01} max={MAX_PRINCIPAL} precision={2} className="amount-input" />
      </Form.Item>
      <Form.Item
        name="annualRate"
        label={t('loan.annualRatePercent')}
        extra={t('loans.form.annualRateHelp')}
        rules={[{ required: true, message: t('loans.form.annualRateRequired') }]}
      >
        <InputNumber min={0.0001} max={99.9999} precision={PERCENT_DECIMALS} suffix="%" className="amount-input" />
      </Form.Item>
      <fieldset className="form-fieldset">
        <legend>{t('loan.dayCountBasis')}</legend>
        <Form.Item name="dayCountBasis" extra={t('loans.form.dayCountBasisHelp')}>
          <Radio.Group options={DAY_COUNT_BASES.map((value) => ({ value, label: t(`loan.dayCountBases.${value}`) }))} />
        </Form.Item>
      </fieldset>
      <Form.Item
        name="startDate"
        label={t('loan.startDate')}
        extra={t('loans.form.startDateHelp')}
        rules={[{ required: true, message: t('loans.form.startDateRequired') }]}
      >
        <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="termMonths"
        label={t('loan.termMonths')}
        rules={[{ required: true, message: t('loans.form.termMonthsRequired') }]}
      >
        <InputNumber min={1} max={MAX_TERM_MONTHS} precision={0} />
      </Form.Item>
    </FormDialog>
  );
}
