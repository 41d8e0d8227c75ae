import { CheckOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Tag, type TableColumnsType } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ReminderStage, type NotificationDto } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { formatDate, formatDateTime } from '../../format';
import { useMarkRead, useNotifications } from './useNotifications';

const STAGE_COLOURS: Record<ReminderStage, string | undefined> = {
  [ReminderStage.FourteenDaysBefore]: undefined,
  [ReminderStage.OneDayBefore]: 'blue',
  [ReminderStage.Overdue]: 'red',
};

/** A plain click (no modifier keys, left button): the page handles it; others open the link as the browser does. */
function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/**
 * The notification centre (通知中心): the deadline reminders of the officer's county, newest first.
 * Opening one marks it read and goes to the page where the work is done; any may be marked read.
 */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const notifications = useNotifications(unreadOnly);
  const markRead = useMarkRead();

  const open = (event: MouseEvent, notification: NotificationDto) => {
    if (notification.readAt || !isPlainClick(event)) return;
    event.preventDefault();
    // Go on to the page even when marking fails: the reminder stays unread.
    void markRead.mutateAsync(notification).finally(() => void navigate(notification.link));
  };

  const columns: TableColumnsType<NotificationDto> = [
    {
      key: 'read',
      title: t('notifications.state'),
      render: (_, notification) =>
        notification.readAt ? (
          <Badge status="default" text={t('notifications.read')} />
        ) : (
          <Badge status="processing" text={t('notifications.unread')} />
        ),
    },
    {
      key: 'stage',
      title: t('notifications.stage'),
      render: (_, notification) => (
        <Tag color={STAGE_COLOURS[notification.stage]}>{t(`notifications.stages.${notification.stage}`)}</Tag>
      ),
    },
    {
      key: 'title',
      title: t('notifications.titleColumn'),
      render: (_, notification) => (
        <Link
          to={notification.link}
          onClick={(event) => open(event, notification)}
          className={notification.readAt ? undefined : 'notification-unread'}
        >
          {notification.title}
        </Link>
      ),
    },
    {
      key: 'kind',
      title: t('notifications.kind'),
      render: (_, notification) => t(`notifications.kinds.${notification.kind}`, { defaultValue: notification.kind }),
    },
    {
      key: 'dueDate',
      title: t('notifications.dueDate'),
      render: (_, notification) => formatDate(notification.dueDate),
    },
    {
      key: 'createdAt',
      title: t('notifications.createdAt'),
      className: 'nowrap',
      render: (_, notification) => formatDateTime(notification.createdAt),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, notification) =>
        !notification.readAt && (
          <Button
            size="small"
            icon={<CheckOutlined aria-hidden />}
            loading={markRead.isPending && markRead.variables?.id === notification.id}
            aria-label={t('common.actionFor', { action: t('notifications.markRead'), name: notification.title })}
            onClick={() => markRead.mutate(notification)}
          >
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];

  return (
    <Page title={t('notifications.title')}>
      <Flex vertical gap="middle">
        <p>{t('notifications.intro')}</p>
        <Flex wrap gap="middle" align="center">
          <span aria-live="polite">{t('notifications.unreadCount', { count: notifications.data?.unread ?? 0 })}</span>
          <Checkbox checked={unreadOnly} onChange={(event) => setUnreadOnly(event.target.checked)}>
            {t('notifications.unreadOnly')}
          </Checkbox>
        </Flex>
        {notifications.error && <RequestError error={notifications.error} />}
        {markRead.error && <RequestError error={markRead.error} />}
        <DataTable<NotificationDto>
          rowKey="id"
          caption={t('notifications.tableCaption')}
          columns={columns}
          dataSource={notifications.data?.items}
          loading={notifications.isPending}
          locale={{ emptyText: t('notifications.none') }}
          pagination={false}
        />
      </Flex>
    </Page>
  );
}
