import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type BenefitDto, type StepRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { toDateOnly } from '../../format';
import { benefitActions, type BenefitAction } from './benefitActions';

type StepAction = Exclude<BenefitAction, 'pay'>;

const STEPS: Record<StepAction, (id: string, body: StepRequest) => Promise<BenefitDto>> = {
  submit: (id, body) => api.submitBenefit(id, body),
  resubmit: (id, body) => api.resubmitBenefit(id, body),
  withdraw: (id, body) => api.withdrawBenefit(id, body),
  review: (id, body) => api.reviewBenefit(id, body),
  approve: (id, body) => api.approveBenefit(id, body),
  return: (id, body) => api.returnBenefit(id, body),
  reject: (id, body) => api.rejectBenefit(id, body),
};

/** Steps that must say why. */
const COMMENT_REQUIRED: ReadonlySet<BenefitAction> = new Set(['return', 'reject']);

/** A refused step whose refusal changes what the page shows: a new live decision, or another state. */
function changesThePage(error: unknown): boolean {
  const { code } = toProblem(error);
  return code === 'benefit.decision_changed' || code === 'benefit.state';
}

interface DialogProps {
  benefit: BenefitDto;
  name: string;
  onDone: () => void;
  onClosed: () => void;
}

function StepDialog({ action, benefit, name, onDone, onClosed }: DialogProps & { action: StepAction }) {
  const { t } = useTranslation();
  const required = COMMENT_REQUIRED.has(action);
  const submit = async ({ comment }: StepRequest) => {
    try {
      return await STEPS[action](benefit.id, { comment: comment?.trim() || undefined });
    } catch (error) {
      if (changesThePage(error)) onDone();
      throw error;
    }
  };
  return (
    <FormDialog<StepRequest, BenefitDto>
      name={`${action}Step`}
      title={t(`benefit.steps.${action}.title`, { name })}
      submitLabel={t(`benefit.actions.${action}`)}
      onSubmit={submit}
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <p>{t(`benefit.steps.${action}.detail`)}</p>
      <Form.Item
        name="comment"
        label={required ? t('benefit.reason') : t('benefit.comment')}
        rules={[{ required, whitespace: true, message: t('benefit.reasonRequired') }]}
      >
        <Input.TextArea maxLength={1000} rows={3} />
      </Form.Item>
    </FormDialog>
  );
}

interface PaymentValues {
  paymentDate: Dayjs;
  voucher: string;
}

function PaymentDialog({ benefit, name, onDone, onClosed }: DialogProps) {
  const { t } = useTranslation();
  return (
    <FormDialog<PaymentValues, BenefitDto>
      name="payment"
      title={t('benefit.steps.pay.title', { name })}
      submitLabel={t('benefit.actions.pay')}
      initialValues={{ paymentDate: dayjs() }}
      onSubmit={({ paymentDate, voucher }) =>
        api.payBenefit(benefit.id, { paymentDate: toDateOnly(paymentDate), voucher: voucher.trim() })
      }
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <p>{t('benefit.steps.pay.detail')}</p>
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
    </FormDialog>
  );
}

/**
 * The workflow steps the signed-in user may take on a benefit, each opening a dialog for its comment
 * (or the payment). `name` names the benefit in the dialogs' titles.
 */
export function BenefitActions({ benefit, name, onDone }: { benefit: BenefitDto; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState<BenefitAction | null>(null);
  const actions = benefitActions(benefit, user);
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  return (
    <>
      <Space wrap>
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'review' || action === 'approve' || action === 'submit' ? 'primary' : 'default'}
            danger={action === 'reject'}
            onClick={() => setOpen(action)}
          >
            {t(`benefit.actions.${action}`)}
          </Button>
        ))}
      </Space>
      {open === 'pay' && <PaymentDialog benefit={benefit} name={name} onDone={onDone} onClosed={close} />}
      {open && open !== 'pay' && (
        <StepDialog action={open} benefit={benefit} name={name} onDone={onDone} onClosed={close} />
      )}
    </>
  );
}
