import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type BenefitDto, type FundAllocationDto } from '../../api';
import { FormDialog } from '../../components/FormDialog';
import { formatYuan, toDateOnly } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { ALLOCATIONS_KEY, FUNDS_KEY } from '../funds/useFunds';
import { partsProblem, partsTotal, payableAllocations, type PaymentPartValues } from './paymentParts';

interface PaymentValues {
  paymentDate: Dayjs;
  voucher: string;
  parts: PaymentPartValues[];
  payeeName: string;
  payeeBank: string;
  payeeAccount: string;
}

/** At most this many allocations fund one payment (the API's limit). */
const MAX_PARTS = 10;

/** 8 to 32 digits, in groups separated by spaces as printed on a card or passbook. */
const ACCOUNT_PATTERN = /^\d[\d ]*$/;

function accountDigits(account: string): number {
  return account.replace(/ /g, '').length;
}

/** The rows of allocations and amounts, with their running total against the amount to pay. */
function PaymentParts({ allocations, amount }: { allocations: FundAllocationDto[]; amount: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = Form.useFormInstance<PaymentValues>();
  const parts = Form.useWatch('parts', form) ?? [];
  const options = allocations.map((allocation) => ({
    value: allocation.id,
    label: t('payment.allocationOption', {
      document: allocation.documentNumber,
      level: t(`fund.levels.${allocation.level}`),
      balance: formatYuan(allocation.balance, language),
    }),
  }));
  const total = partsTotal(parts);
  return (
    <Form.List
      name="parts"
      rules={[
        {
          validator: async (_, value: PaymentPartValues[] | undefined) => {
            const problem = partsProblem(value ?? [], amount);
            if (problem) {
              throw new Error(
                t(`payment.parts.${problem}`, {
                  total: formatYuan(partsTotal(value ?? []), language),
                  amount: formatYuan(amount, language),
                }),
              );
            }
          },
        },
      ]}
    >
      {(rows, { add, remove }, { errors }) => (
        <fieldset className="form-fieldset">
          <legend className="form-section">{t('payment.partsTitle')}</legend>
          <Typography.Paragraph type="secondary">{t('payment.partsHelp')}</Typography.Paragraph>
          {rows.map((row, index) => (
            <fieldset key={row.key} className="form-fieldset list-row">
              <legend>{t('payment.part', { number: index + 1 })}</legend>
              <Flex gap="small" wrap align="start">
                <Form.Item
                  name={[row.name, 'allocationId']}
                  label={t('payment.allocation')}
                  className="allocation-field"
                  rules={[{ required: true, message: t('payment.allocationRequired') }]}
                >
                  <Select options={options} notFoundContent={t('payment.noAllocations')} />
                </Form.Item>
                <Form.Item
                  name={[row.name, 'amount']}
                  label={t('payment.amount')}
                  rules={[{ required: true, message: t('payment.amountRequired') }]}
                >
                  <InputNumber min={0.01} max={amount} precision={2} className="amount-input" />
                </Form.Item>
                <Button
                  className="row-remove"
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('payment.removePart', { number: index + 1 })}
                  disabled={rows.length === 1}
                  onClick={() => remove(row.name)}
                />
              </Flex>
            </fieldset>
          ))}
          <Flex gap="middle" align="center" wrap>
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={rows.length >= MAX_PARTS}
              onClick={() => add({ amount: Math.max(0, Math.round((amount - total) * 100) / 100) || undefined })}
            >
              {t('payment.addPart')}
            </Button>
            <Typography.Text aria-live="polite">
              {t('payment.total', {
                total: formatYuan(total, language),
                amount: formatYuan(amount, language),
              })}
            </Typography.Text>
          </Flex>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}

/**
 * Records the payment of a finally approved benefit: its date and voucher, the fund allocations it
 * comes from (parts that must sum to the decided amount; several levels may co-fund), and the payee's
 * name, bank and account. The allocations offered are those that may pay the benefit.
 */
export function PaymentDialog({
  benefit,
  name,
  onDone,
  onClosed,
}: {
  benefit: BenefitDto;
  name: string;
  onDone: () => void;
  onClosed: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const amount = benefit.decision?.amount ?? 0;
  const allocations = useQuery({ queryKey: ALLOCATIONS_KEY, queryFn: () => api.getFundAllocations() });
  const payable = payableAllocations(allocations.data ?? [], benefit);
  const submit = ({ paymentDate, voucher, parts, payeeName, payeeBank, payeeAccount }: PaymentValues) =>
    api.payBenefit(benefit.id, {
      paymentDate: toDateOnly(paymentDate),
      voucher: voucher.trim(),
      parts: parts.map((part) => ({ allocationId: part.allocationId!, amount: part.amount! })),
      payeeName: payeeName.trim(),
      payeeBank: payeeBank.trim(),
      payeeAccount: payeeAccount.trim(),
    });
  return (
    <FormDialog<PaymentValues, BenefitDto>
      name="payment"
      title={t('benefit.steps.pay.title', { name })}
      submitLabel={t('benefit.actions.pay')}
      width={760}
      initialValues={{ paymentDate: dayjs(), parts: [{ amount }] }}
      onSubmit={submit}
      onSuccess={() => {
        void queryClient.invalidateQueries({ queryKey: FUNDS_KEY });
        onDone();
      }}
      onClosed={onClosed}
    >
      <p>{t('benefit.steps.pay.detail', { amount: formatYuan(amount, language) })}</p>
      {allocations.isSuccess && payable.length === 0 && (
        <Alert type="warning" showIcon title={t('payment.noAllocations')} className="dialog-alert" />
      )}
      <Flex gap="middle" wrap>
        <Form.Item
          name="paymentDate"
          label={t('benefit.paymentDate')}
          rules={[{ required: true, message: t('benefit.paymentDateRequired') }]}
        >
          <DatePicker disabledDate={(date) => date.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item
          name="voucher"
          label={t('benefit.voucher')}
          rules={[{ required: true, whitespace: true, message: t('benefit.voucherRequired') }]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
      </Flex>
      <PaymentParts allocations={payable} amount={amount} />
      <fieldset className="form-fieldset">
        <legend className="form-section">{t('payment.payee')}</legend>
        <Form.Item
          name="payeeName"
          label={t('payment.payeeName')}
          rules={[{ required: true, whitespace: true, message: t('payment.payeeNameRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="payeeBank"
          label={t('payment.payeeBank')}
          rules={[{ required: true, whitespace: true, message: t('payment.payeeBankRequired') }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="payeeAccount"
          label={t('payment.payeeAccount')}
          extra={t('payment.payeeAccountHelp')}
          rules={[
            { required: true, whitespace: true, message: t('payment.payeeAccountRequired') },
            {
              validator: async (_, value: string | undefined) => {
                const account = value?.trim() ?? '';
                if (
                  account &&
                  (!ACCOUNT_PATTERN.test(account) || accountDigits(account) < 8 || accountDigits(account) > 32)
                ) {
                  throw new Error(t('payment.payeeAccountInvalid'));
                }
              },
            },
          ]}
        >
          <Input maxLength={40} autoComplete="off" inputMode="numeric" className="account-input" />
        </Form.Item>
      </fieldset>
    </FormDialog>
  );
}
