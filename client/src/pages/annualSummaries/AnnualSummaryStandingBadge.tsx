import { Badge, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { AnnualSummaryStanding } from '../../api';

const BADGES = {
  [AnnualSummaryStanding.Due]: 'default',
  [AnnualSummaryStanding.Draft]: 'processing',
  [AnnualSummaryStanding.Submitted]: 'success',
  [AnnualSummaryStanding.Returned]: 'warning',
  [AnnualSummaryStanding.Overdue]: 'error',
} as const satisfies Record<AnnualSummaryStanding, string>;

/**
 * How a county's summary stands, as a status dot with its name (the colour is never the only cue),
 * and 逾期提交 when it stands submitted after the due date (a returned summary keeps the API's late
 * flag of its last submission, which no longer applies).
 */
export function AnnualSummaryStandingBadge({
  standing,
  isLate,
}: {
  standing: AnnualSummaryStanding;
  isLate?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className="standing">
      <Badge status={BADGES[standing]} text={t(`annualSummaries.standings.${standing}`)} />
      {isLate && standing === AnnualSummaryStanding.Submitted && (
        <Tag className="standing-late">{t('annualSummaries.late')}</Tag>
      )}
    </span>
  );
}
