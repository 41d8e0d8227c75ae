import { Alert, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenefitState, type BenefitDto } from '../../api';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLanguage } from '../../i18n/useLanguage';
import { BenefitActions } from './BenefitActions';
import { BenefitStateBadge } from './BenefitStateBadge';

/**
 * Where a benefit is in the workflow (state, amount, submission, an award's public notice, payment), a
 * warning when the decision has changed since it was frozen, and the steps the user may take. `name`
 * names it in the dialogs.
 */
export function BenefitStatus({ benefit, name, onDone }: { benefit: BenefitDto; name: string; onDone: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex vertical gap="middle">
      {benefit.decisionChanged && (
        <Alert
          type="warning"
          showIcon
          title={t('claims.decision.changed')}
          description={
            benefit.isFinallyApproved
              ? t('claims.decision.changedAfterApproval')
              : t('claims.decision.changedBeforeApproval')
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'state', label: t('benefit.state'), children: <BenefitStateBadge state={benefit.state} /> },
          {
            key: 'amount',
            label: t('decision.amount'),
            children: benefit.decision && t('decision.yuan', { amount: formatYuan(benefit.decision.amount, language) }),
          },
          { key: 'submittedAt', label: t('benefit.submittedAt'), children: formatDateTime(benefit.submittedAt) },
          ...(benefit.noticeStartsOn
            ? [
                {
                  key: 'notice',
                  label: t('benefit.notice'),
                  children: t('benefit.noticeDates', {
                    start: formatDate(benefit.noticeStartsOn),
                    end: formatDate(benefit.noticeEndsOn),
                  }),
                },
              ]
            : []),
          ...(benefit.state === BenefitState.Paid
            ? [
                { key: 'paymentDate', label: t('benefit.paymentDate'), children: formatDate(benefit.paymentDate) },
                { key: 'voucher', label: t('benefit.voucher'), children: benefit.paymentVoucher },
              ]
            : []),
        ]}
      />
      <BenefitActions benefit={benefit} name={name} onDone={onDone} />
    </Flex>
  );
}
