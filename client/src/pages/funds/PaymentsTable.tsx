import { Badge, Button, Form, Input, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api, type FundPaymentDto } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/DataTable';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { benefitPath } from '../awards/useAwards';
import { mayReversePayment } from '../claims/benefitActions';

function ReversalDialog({
  payment,
  onDone,
  onClosed,
}: {
  payment: FundPaymentDto;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <FormDialog<{ reason: string }, FundPaymentDto>
      name="reversal"
      title={t('funds.reversal.title', { voucher: payment.voucher })}
      submitLabel={t('funds.reversal.submit')}
      onSubmit={({ reason }) => api.reverseFundPayment(payment.id, { reason: reason.trim() })}
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <p>
        {t('funds.reversal.detail', {
          amount: formatYuan(payment.amount, language),
          name: payment.beneficiaryName ?? '',
        })}
      </p>
      <Form.Item
        name="reason"
        label={t('benefit.reason')}
        rules={[{ required: true, whitespace: true, message: t('benefit.reasonRequired') }]}
      >
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}

/** A payment's standing: in effect, reversed later, or itself the reversal of another (with its reason). */
function PaymentStatus({ payment }: { payment: FundPaymentDto }) {
  const { t } = useTranslation();
  if (payment.reversalOfId) {
    return (
      <>
        <Badge status="default" text={t('funds.payments.isReversal')} />
        <br />
        {t('funds.payments.reason', { reason: payment.reason ?? '' })}
      </>
    );
  }
  if (payment.reversedById) return <Badge status="error" text={t('funds.payments.reversed')} />;
  return <Badge status="success" text={t('funds.payments.inEffect')} />;
}

/**
 * Payments and reversals of the fund ledger: the benefit and its beneficiary, the amount (negative for
 * a reversal), voucher, payee with the account masked, and the allocations each part came from. An
 * officer of the paying level may reverse a payment, with a reason.
 */
export function PaymentsTable({
  caption,
  payments,
  loading,
  pagination,
  onChanged,
}: {
  caption: string;
  payments: FundPaymentDto[] | undefined;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const [reversing, setReversing] = useState<FundPaymentDto | null>(null);
  const columns: TableColumnsType<FundPaymentDto> = [
    {
      key: 'paymentDate',
      title: t('benefit.paymentDate'),
      className: 'nowrap',
      render: (_, payment) => formatDate(payment.paymentDate),
    },
    {
      key: 'benefit',
      title: t('funds.payments.benefit'),
      render: (_, payment) => (
        <>
          <Link to={benefitPath(payment.benefitType, payment.benefitId)}>
            {payment.beneficiaryName ?? t(`benefit.types.${payment.benefitType}`)}
          </Link>
          <br />
          {t(`benefit.types.${payment.benefitType}`)}
        </>
      ),
    },
    { key: 'county', title: t('funds.county'), dataIndex: 'countyName' },
    {
      key: 'amount',
      title: t('funds.amountYuan'),
      align: 'end',
      className: 'nowrap',
      render: (_, payment) => formatYuan(payment.amount, language),
    },
    { key: 'voucher', title: t('benefit.voucher'), dataIndex: 'voucher' },
    {
      key: 'payee',
      title: t('payment.payee'),
      render: (_, payment) => (
        <>
          {payment.payeeName}
          <br />
          {payment.payeeBank}
          <br />
          <span className="nowrap">{payment.payeeAccount}</span>
        </>
      ),
    },
    {
      key: 'entries',
      title: t('funds.payments.entries'),
      render: (_, payment) => (
        <ul className="plain-list">
          {payment.entries.map((entry) => (
            <li key={entry.allocationId}>
              {t('funds.payments.entry', {
                document: entry.documentNumber,
                amount: formatYuan(entry.amount, language),
              })}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'status', title: t('funds.payments.status'), render: (_, payment) => <PaymentStatus payment={payment} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, payment) =>
        mayReversePayment(payment, user) && (
          <Button
            type="link"
            size="small"
            danger
            aria-label={t('common.actionFor', { action: t('funds.reversal.submit'), name: payment.voucher })}
            onClick={() => setReversing(payment)}
          >
            {t('funds.reversal.submit')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <DataTable<FundPaymentDto>
        rowKey="id"
        caption={caption}
        columns={columns}
        dataSource={payments}
        loading={loading}
        pagination={pagination}
        locale={{ emptyText: t('funds.payments.none') }}
      />
      {reversing && <ReversalDialog payment={reversing} onDone={onChanged} onClosed={() => setReversing(null)} />}
    </>
  );
}
