import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toProblem, type BenefitDto, type StepRequest } from '../../api';
import { useCurrentUser } from '../../auth/session';
import { FormDialog } from '../../components/FormDialog';
import { formatDate } from '../../format';
import { benefitActions, stepTextKey, type BenefitAction } from './benefitActions';
import { PaymentDialog } from './PaymentDialog';

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
  const key = stepTextKey(action, benefit);
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
      title={t(`benefit.steps.${key}.title`, { name })}
      submitLabel={t(`benefit.actions.${key}`)}
      onSubmit={submit}
      onSuccess={onDone}
      onClosed={onClosed}
    >
      <p>
        {t(`benefit.steps.${key}.detail`, {
          start: formatDate(benefit.noticeStartsOn),
          end: formatDate(benefit.noticeEndsOn),
        })}
      </p>
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

/**
 * The workflow steps the signed-in user may take on a benefit, each opening a dialog for its comment
 * (or the payment, from fund allocations). `name` names the benefit in the dialogs' titles.
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
            {t(`benefit.actions.${stepTextKey(action, benefit)}`)}
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
