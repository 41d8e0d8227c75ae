import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CurrentUserDto, PendingSalesDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { PendingSalesPage } from './PendingSalesPage';

const OTHER_OFFICER = 'b2000000-0000-0000-0000-000000000009';

function pending(index: number, overrides: Partial<PendingSalesDto> = {}): PendingSalesDto {
  return {
    id: `d3000000-0000-0000-0000-00000000000${index}`,
    shopId: 's1',
    shopName: `阳光小店${index}`,
    platformName: '阳光优选平台',
    countyId: WULING.countyId!,
    countyName: '武陵区',
    period: `2024-0${index}`,
    orderCount: 3,
    grossAmount: 1000 * index,
    refunds: 0.1,
    net: 1000 * index - 0.1,
    enteredById: OTHER_OFFICER,
    recordedAt: '2026-11-29T09:00:00Z',
    canConfirm: true,
    ...overrides,
  };
}

const ITEMS = [pending(1), pending(2, { enteredById: WULING.id, canConfirm: false }), pending(3), pending(4)];

/** Renders the queue and waits for its rows. */
async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}, user: CurrentUserDto = WULING) {
  // As the end-to-end tests do: without animations a dialog is gone once closed.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/shops/sales/pending': jsonResponse(200, { items: ITEMS, page: 1, pageSize: 20, totalCount: 4 }),
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [{ path: '/sales/pending', element: <PendingSalesPage /> }],
      },
    ],
    '/sales/pending',
  );
  await screen.findByRole('link', { name: ITEMS[0].shopName }, { timeout: 5000 });
  return api;
}

const row = (item: PendingSalesDto) => screen.getByRole('row', { name: new RegExp(item.shopName) });

async function confirmSelection(user: ReturnType<typeof userEvent.setup>, count: number) {
  await user.click(screen.getByRole('button', { name: /确认所选/ }));
  // Found by its title's text: in tests AntD gives every element that asks for an id the same one.
  const dialog = await screen.findByRole('dialog');
  expect(dialog).toHaveTextContent(`确认所选的 ${count} 条销售数据？`);
  await user.click(within(dialog).getByRole('button', { name: '确认' }));
}

describe('PendingSalesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('does not let an officer select their own entries, and says why', async () => {
    await renderPage();
    const own = screen.getByRole('checkbox', { name: `本人录入，不能选择：${ITEMS[1].shopName} 2024-02` });
    expect(own).toBeDisabled();
    expect(within(row(ITEMS[1])).getByText('本人录入，须由另一位工作人员确认')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: `选择：${ITEMS[0].shopName} 2024-01` })).toBeEnabled();

    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: '选择本页可确认的全部记录' }));
    expect(screen.getByRole('button', { name: '确认所选（3 条）' })).toBeEnabled();
    expect(own).not.toBeChecked();
    expect(screen.getByText('已选择 3 条，净销售额合计 7,999.70 元。')).toBeInTheDocument();
  });

  it('confirms the selected records in one batch, in the order shown', async () => {
    const api = await renderPage({
      'POST /api/shops/sales/confirmation': jsonResponse(200, { confirmed: 2, net: 4999.8 }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: `选择：${ITEMS[3].shopName} 2024-04` }));
    expect(screen.getByRole('button', { name: '确认所选（1 条）' })).toBeEnabled();
    await user.click(screen.getByRole('checkbox', { name: `选择：${ITEMS[0].shopName} 2024-01` }));
    await confirmSelection(user, 2);

    expect(await screen.findByText('已确认 2 条销售数据，净销售额合计 4,999.80 元。')).toBeInTheDocument();
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      ids: [ITEMS[0].id, ITEMS[3].id],
    });
  });

  it('names the record that stopped the batch, which confirms none of them', async () => {
    const api = await renderPage({
      'POST /api/shops/sales/confirmation': jsonResponse(
        403,
        {
          status: 403,
          title: 'Forbidden',
          code: 'sales.maker_checker',
          detail: 'Another officer confirms the figures you entered.',
          errors: { 'ids[1]': ['Another officer confirms the figures you entered.'] },
          fieldErrors: [
            {
              field: 'ids[1]',
              code: 'sales.maker_checker',
              message: 'Another officer confirms the figures you entered.',
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('checkbox', { name: `选择：${ITEMS[0].shopName} 2024-01` }));
    await user.click(screen.getByRole('checkbox', { name: `选择：${ITEMS[2].shopName} 2024-03` }));
    await confirmSelection(user, 2);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('您录入的销售数据须由另一位工作人员确认。')).toBeInTheDocument();
    expect(within(alert).getByText(`未能确认的记录：${ITEMS[2].shopName}，2024-03。`)).toBeInTheDocument();
    expect(within(alert).getByText('整批均未确认。请取消选择该记录后重试。')).toBeInTheDocument();
    expect(row(ITEMS[2])).toHaveClass('row-failed');
    expect(row(ITEMS[0])).not.toHaveClass('row-failed');
    // Nothing was confirmed, so the selection stays for the officer to correct.
    expect(screen.getByRole('button', { name: '确认所选（2 条）' })).toBeEnabled();
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        ids: [ITEMS[0].id, ITEMS[2].id],
      }),
    );
  });

  it('shows the queue without selection to a reader who cannot confirm', async () => {
    await renderPage({}, { ...WULING, permissions: ['reference.read', 'programme.read'] });
    expect(screen.getByRole('link', { name: ITEMS[0].shopName })).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /确认所选/ })).not.toBeInTheDocument();
  });
});
