import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { WorkPlanStatus } from '../../api';

const BADGES = {
  [WorkPlanStatus.Due]: 'default',
  [WorkPlanStatus.Submitted]: 'processing',
  [WorkPlanStatus.Filed]: 'success',
  [WorkPlanStatus.Returned]: 'warning',
  [WorkPlanStatus.Overdue]: 'error',
} as const satisfies Record<WorkPlanStatus, string>;

/** A county's plan status as a status dot with its name (the colour is never the only cue). */
export function WorkPlanStatusBadge({ status }: { status: WorkPlanStatus }) {
  const { t } = useTranslation();
  return <Badge status={BADGES[status]} text={t(`workPlans.statuses.${status}`)} />;
}
