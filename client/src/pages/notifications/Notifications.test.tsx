import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReminderStage, type NotificationDto, type NotificationListDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { NotificationBell } from './NotificationBell';
import { NotificationsPage } from './NotificationsPage';

const WORK_PLAN: NotificationDto = {
  id: 'n0000000-0000-0000-0000-000000000001',
  kind: 'work_plan',
  subjectId: 'e7000000-0000-0000-0000-000000000001',
  countyId: WULING.countyId!,
  stage: ReminderStage.FourteenDaysBefore,
  dueDate: '2026-12-12',
  title: '2027年度县级工作计划将于2026-12-12截止（还有10天）',
  link: '/work-plans/e7000000-0000-0000-0000-000000000001',
  createdAt: '2026-12-02T01:00:00Z',
};

const SUMMARY: NotificationDto = {
  id: 'n0000000-0000-0000-0000-000000000002',
  kind: 'annual_summary',
  subjectId: 'a5000000-0000-0000-0000-000000002025',
  countyId: WULING.countyId!,
  stage: ReminderStage.Overdue,
  dueDate: '2025-11-05',
  title: '2025年度工作总结已于2025-11-05截止，尚未完成',
  link: `/annual-summaries/a5000000-0000-0000-0000-000000002025/counties/${WULING.countyId}`,
  createdAt: '2025-11-06T01:00:00Z',
  readAt: '2025-11-06T02:00:00Z',
};

/** A server holding the notifications: marking one read changes what the next GET answers. */
function notificationsApi(items: NotificationDto[]) {
  let current = items;
  const list = (): NotificationListDto => ({
    unread: current.filter((item) => !item.readAt).length,
    items: current,
  });
  const routes: Parameters<typeof fakeApi>[0] = {
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/notifications': () => jsonResponse(200, list()),
  };
  for (const item of items) {
    routes[`POST /api/notifications/${item.id}/read`] = () => {
      current = current.map((other) => (other.id === item.id ? { ...other, readAt: '2026-12-02T03:00:00Z' } : other));
      return jsonResponse(
        200,
        current.find((other) => other.id === item.id),
      );
    };
  }
  return fakeApi(routes);
}

function renderAt(path: string, items: NotificationDto[] = [WORK_PLAN, SUMMARY]) {
  const api = notificationsApi(items);
  vi.stubGlobal('fetch', api.fetch);
  renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <header>
              <NotificationBell />
            </header>
            <main>
              <Outlet />
            </main>
          </RequireAuth>
        ),
        children: [
          { path: '/', element: <h1>home</h1> },
          { path: '/notifications', element: <NotificationsPage /> },
          { path: '/work-plans/:id', element: <h1>work plan round</h1> },
        ],
      },
    ],
    path,
  );
  return api;
}

const reads = (api: ReturnType<typeof fakeApi>) =>
  api.requests.filter((request) => request.init?.method === 'POST').map((request) => request.url.pathname);

describe('notification centre', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows a bell in the header named with the unread count, linking to the centre', async () => {
    renderAt('/');
    const bell = await screen.findByRole('link', { name: '通知（1条未读）' }, { timeout: 5000 });
    expect(bell).toHaveAttribute('href', '/notifications');
    await userEvent.setup().click(bell);
    expect(await screen.findByRole('heading', { level: 1, name: '通知中心' })).toBeInTheDocument();
  });

  it('names the bell plainly when nothing is unread', async () => {
    renderAt('/', [SUMMARY]);
    expect(await screen.findByRole('link', { name: '通知' }, { timeout: 5000 })).toBeInTheDocument();
    // The polling query asks for every notification, not the unread ones only.
    expect(screen.queryByText('1')).not.toBeInTheDocument();
  });

  it('lists the reminders with their stage, due date and whether they are read', async () => {
    renderAt('/notifications');
    const open = within((await screen.findByRole('link', { name: WORK_PLAN.title }, { timeout: 5000 })).closest('tr')!);
    expect(open.getByText('截止前14天')).toBeInTheDocument();
    expect(open.getByText('2026-12-12')).toBeInTheDocument();
    expect(open.getByText('未读')).toBeInTheDocument();
    expect(open.getByText('工作方案备案')).toBeInTheDocument();
    const done = within(screen.getByRole('link', { name: SUMMARY.title }).closest('tr')!);
    expect(done.getByText('已逾期')).toBeInTheDocument();
    expect(done.getByText('已读')).toBeInTheDocument();
    expect(done.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('未读 1 条')).toBeInTheDocument();
  });

  it('marks a reminder read when it is opened and goes to its page', async () => {
    const api = renderAt('/notifications');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: WORK_PLAN.title }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { name: 'work plan round' })).toBeInTheDocument();
    expect(reads(api)).toEqual([`/api/notifications/${WORK_PLAN.id}/read`]);
    expect(await screen.findByRole('link', { name: '通知' })).toBeInTheDocument();
  });

  it('opens a read reminder without marking it again', async () => {
    const api = renderAt('/notifications', [{ ...WORK_PLAN, readAt: '2026-12-02T02:00:00Z' }]);
    await userEvent.setup().click(await screen.findByRole('link', { name: WORK_PLAN.title }, { timeout: 5000 }));
    expect(await screen.findByRole('heading', { name: 'work plan round' })).toBeInTheDocument();
    expect(reads(api)).toEqual([]);
  });

  it('marks a reminder read with its button, and the unread count drops', async () => {
    const api = renderAt('/notifications');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `标为已读：${WORK_PLAN.title}` }, { timeout: 5000 }));
    await waitFor(() => expect(reads(api)).toEqual([`/api/notifications/${WORK_PLAN.id}/read`]));
    expect(await screen.findByText('未读 0 条')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '通知' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /标为已读/ })).not.toBeInTheDocument();
  });

  it('shows the unread ones only when asked', async () => {
    const api = renderAt('/notifications');
    await screen.findByRole('link', { name: WORK_PLAN.title }, { timeout: 5000 });
    await userEvent.setup().click(screen.getByRole('checkbox', { name: '只看未读' }));
    await waitFor(() =>
      expect(api.requests.some((request) => request.url.searchParams.get('unreadOnly') === 'true')).toBe(true),
    );
  });
});
