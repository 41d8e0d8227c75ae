import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, backgroundApi, type NotificationDto } from '../../api';

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** How often the header asks for new reminders (the reminder job runs once a day). */
export const NOTIFICATIONS_POLL_MS = 60_000;

/**
 * My notifications, newest first, with the unread count; polled while the app is open, as background
 * requests (the poll does not keep an idle session alive).
 */
export function useNotifications(unreadOnly = false) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, { unreadOnly }],
    queryFn: () => backgroundApi.getMyNotifications(unreadOnly || undefined),
    refetchInterval: NOTIFICATIONS_POLL_MS,
  });
}

/** Marks a notification read and refreshes the lists and the header's count. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: NotificationDto) => api.markNotificationRead(notification.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
