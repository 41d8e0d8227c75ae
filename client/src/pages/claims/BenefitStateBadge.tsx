import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenefitState } from '../../api';

const BADGES = {
  [BenefitState.Draft]: 'default',
  [BenefitState.Submitted]: 'processing',
  [BenefitState.CountyReviewed]: 'success',
  [BenefitState.CityApproved]: 'success',
  [BenefitState.Paid]: 'success',
  [BenefitState.Rejected]: 'error',
  [BenefitState.Withdrawn]: 'default',
  [BenefitState.PublicNotice]: 'warning',
  [BenefitState.Approved]: 'success',
  [BenefitState.Recognised]: 'success',
} as const satisfies Record<BenefitState, string>;

/** Where a benefit is in the workflow, as a status dot with its name (the colour is never the only cue). */
export function BenefitStateBadge({ state }: { state: BenefitState }) {
  const { t } = useTranslation();
  return <Badge status={BADGES[state]} text={t(`benefit.states.${state}`)} />;
}
