import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BaseStatus, type BaseDto } from '../../api';

const BADGES = {
  [BaseStatus.Active]: 'success',
  [BaseStatus.Suspended]: 'warning',
  [BaseStatus.Revoked]: 'default',
} as const;

/** The base's recognition status as a status dot with its name (the colour is never the only cue). */
export function BaseStatusBadge({ status }: { status: BaseStatus }) {
  const { t } = useTranslation();
  return <Badge status={BADGES[status]} text={t(`base.statuses.${status}`)} />;
}

/** Who runs the base: a link to the person in the registry, or to the enterprise. */
export function BaseOperator({ base }: { base: BaseDto }) {
  return base.operatorPersonId ? (
    <Link to={`/persons/${base.operatorPersonId}`}>{base.operatorPersonName}</Link>
  ) : (
    <Link to={`/enterprises/${base.operatorEnterpriseId}`}>{base.operatorEnterpriseName}</Link>
  );
}
