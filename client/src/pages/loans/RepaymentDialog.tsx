import { DatePicker, Form, InputNumber, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type LoanDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';

interface RepaymentValues {
  date: Dayjs;
  principal: number;
}

/**
 * Records principal repaid (还本) on a date: from the loan's start to its maturity and not after
 * today, never more than is outstanding. Interest stops on the repaid principal from that day on.
 */
export function RepaymentDialog({
  loan,
  onSaved,
  onClosed,
}: {
  loan: LoanDto;
  onSaved: (loan: LoanDto) => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const outside = (date: Dayjs) =>
    date.isBefore(dayjs(loan.startDate), 'day') ||
    date.isAfter(dayjs(loan.maturityDate), 'day') ||
    date.isAfter(dayjs(), 'day');
  return (
    <FormDialog<RepaymentValues, LoanDto>
      name="repayment"
      title={t('loans.repayments.recordTitle', { name: loan.borrowerName })}
      submitLabel={t('common.save')}
      initialValues={{ date: outside(dayjs()) ? undefined : dayjs() }}
      onSubmit={({ date, principal }) => api.recordLoanRepayment(loan.id, { date: toDateOnly(date), principal })}
      onSuccess={onSaved}
      onClosed={onClosed}
    >
      <Typography.Paragraph>
        {t('loans.repayments.outstanding', { amount: formatYuan(loan.outstandingToday, language) })}
      </Typography.Paragraph>
      <Form.Item
        name="date"
        label={t('loans.repayments.date')}
        extra={t('loans.repayments.dateHelp')}
        rules={[{ required: true, message: t('loans.repayments.dateRequired') }]}
      >
        <DatePicker disabledDate={outside} />
      </Form.Item>
      <Form.Item
        name="principal"
        label={t('loans.repayments.principalYuan')}
        rules={[{ required: true, message: t('loans.repayments.principalRequired') }]}
      >
        <InputNumber min={0.01} max={loan.principal} precision={2} className="amount-input" />
      </Form.Item>
    </FormDialog>
  );
}
