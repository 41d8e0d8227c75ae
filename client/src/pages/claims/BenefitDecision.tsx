import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BenefitDto } from '../../api';
import { DecisionExplanation } from './DecisionExplanation';

/** The frozen decision, and the live one: as a preview before submission, or when it now differs. */
export function BenefitDecision({ benefit }: { benefit: BenefitDto }) {
  const { t } = useTranslation();
  const { decision, liveDecision, decisionChanged } = benefit;
  return (
    <Flex vertical gap="large">
      {decision && <DecisionExplanation decision={decision} caption={t('claims.decision.frozenCaption')} />}
      {!decision && liveDecision && (
        <>
          <Typography.Paragraph>{t('claims.decision.preview')}</Typography.Paragraph>
          <DecisionExplanation decision={liveDecision} caption={t('claims.decision.previewCaption')} />
        </>
      )}
      {decisionChanged && liveDecision && (
        <>
          <h3 className="section-title">{t('claims.decision.liveTitle')}</h3>
          <DecisionExplanation decision={liveDecision} caption={t('claims.decision.liveCaption')} />
        </>
      )}
      {!decision && !liveDecision && <Typography.Paragraph>{t('claims.decision.none')}</Typography.Paragraph>}
    </Flex>
  );
}
