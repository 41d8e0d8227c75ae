import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChannelLevel, EventMode, type ExhibitionDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { ExhibitionDetailPage } from './ExhibitionDetailPage';
import { ExhibitionsPage } from './ExhibitionsPage';

const EXHIBITION: ExhibitionDto = {
  id: 'e7000000-0000-0000-0000-000000000001',
  name: '助残消费节',
  mode: EventMode.Both,
  organiserLevel: ChannelLevel.City,
  startDate: '2024-05-18',
  endDate: '2024-05-20',
  salesAmount: 0,
  fundingAmount: 0,
  participants: [{ id: 'x1', personId: PERSON.id, sales: 560 }],
  version: 1,
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderAt(path: string, routes: Parameters<typeof fakeApi>[0] = {}, user = CITY) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/channels/exhibitions': paged([EXHIBITION]),
    [`GET /api/channels/exhibitions/${EXHIBITION.id}`]: jsonResponse(200, EXHIBITION),
    [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
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
        children: [
          { path: '/exhibitions', element: <ExhibitionsPage /> },
          { path: '/exhibitions/:id', element: <ExhibitionDetailPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('exhibitions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('records a city-level event when a city officer leaves the county empty', async () => {
    const api = await renderAt('/exhibitions', {
      'POST /api/channels/exhibitions': jsonResponse(201, EXHIBITION),
    });
    const row = within((await screen.findByRole('link', { name: EXHIBITION.name }, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('市级')).toBeInTheDocument();
    expect(row.getByText('线上线下结合')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记活动' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: '活动名称' }), '  助残消费节 ');
    await user.click(within(dialog).getByRole('radio', { name: '线上' }));
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-05-18{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '结束日期' }), '2024-05-20{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        name: '助残消费节',
        mode: EventMode.Online,
        startDate: '2024-05-18',
        endDate: '2024-05-20',
      }),
    );
  });

  it('requires a county of a county officer', async () => {
    const api = await renderAt('/exhibitions', {}, { ...WULING });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '登记活动' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('请输入活动名称')).toBeInTheDocument();
    expect(within(dialog).queryByText('请选择所属区县')).not.toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });

  it('shows the participants with their sales', async () => {
    await renderAt(`/exhibitions/${EXHIBITION.id}`);
    const row = within((await screen.findByRole('link', { name: PERSON.name }, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('560.00')).toBeInTheDocument();
  });

  it("shows on the funding source field the server's word that it is required when there is funding", async () => {
    const api = await renderAt(`/exhibitions/${EXHIBITION.id}`, {
      [`PUT /api/channels/exhibitions/${EXHIBITION.id}/results`]: jsonResponse(
        422,
        {
          status: 422,
          title: 'Unprocessable Entity',
          code: 'event.funding_source_required',
          detail: 'Say where the funding came from.',
          fieldErrors: [
            {
              field: 'fundingSource',
              code: 'event.funding_source_required',
              message: 'Say where the funding came from.',
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '登记活动成效' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    const sales = within(dialog).getByRole('spinbutton', { name: '销售总额（元）' });
    await user.clear(sales);
    await user.type(sales, '12000');
    const funding = within(dialog).getByRole('spinbutton', { name: '经费投入（元）' });
    await user.clear(funding);
    await user.type(funding, '3000');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await within(dialog).findAllByText('有经费投入时须填写经费来源。')).not.toHaveLength(0);
    expect(within(dialog).getByRole('textbox', { name: '经费来源' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests.find((request) => request.init?.method === 'PUT')?.body).toEqual({
      salesAmount: 12000,
      fundingAmount: 3000,
    });
  });
});
