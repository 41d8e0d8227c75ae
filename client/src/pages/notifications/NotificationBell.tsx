import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotifications } from './useNotifications';

export const NOTIFICATIONS_PATH = '/notifications';

/**
 * The header's link to the notification centre: a bell with the number of unread reminders, named
 * with that number for screen readers ("通知（3条未读）").
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link to={NOTIFICATIONS_PATH} className="app-notifications" aria-label={label} title={label}>
      <Badge count={unread} size="small" overflowCount={99}>
        <BellOutlined aria-hidden className="app-notifications-icon" />
      </Badge>
    </Link>
  );
}
