import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonStatus } from '../../api';

export function PersonStatusBadge({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return (
    <Badge status={status === PersonStatus.Active ? 'success' : 'default'} text={t(`person.statuses.${status}`)} />
  );
}
