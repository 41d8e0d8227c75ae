import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BulletinDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { COUNTY_REGIONS, DEFINITIONS, TABLE } from './fixtures';
import { StatisticsPage } from './StatisticsPage';

const BULLETIN: BulletinDto = {
  id: 'b0000000-0000-0000-0000-000000000001',
  number: '统计通报〔2026〕第1号',
  title: '2026年第2季度统计通报',
  issuedAt: '2026-07-01T08:00:00Z',
  issuedById: CITY.id,
  table: TABLE,
};

async function renderPage(path = '/statistics') {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, CITY),
    'GET /api/regions': jsonResponse(200, COUNTY_REGIONS),
    'GET /api/statistics/indicators': jsonResponse(200, DEFINITIONS),
    'GET /api/statistics': jsonResponse(200, TABLE),
    'GET /api/statistics/export': new Response('csv', {
      status: 200,
      headers: { 'Content-Disposition': "attachment; filename*=UTF-8''statistics-2026.csv" },
    }),
    'POST /api/statistics/bulletins': jsonResponse(201, BULLETIN),
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: '/statistics', element: <StatisticsPage /> },
          { path: '/statistics/bulletins/:id', element: <h1>bulletin page</h1> },
        ],
      },
    ],
    path,
  );
  await screen.findByRole('table', { name: '网络销售' }, { timeout: 5000 });
  return { api, router: view.router };
}

const lastTableRequest = (requests: { url: URL }[]) =>
  requests.filter((request) => request.url.pathname === '/api/statistics').at(-1)!.url.searchParams;

describe('StatisticsPage', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows each group of indicators with their definitions, the counties and the city-wide total', async () => {
    await renderPage('/statistics?period=Year&year=2026');
    const sales = screen.getByRole('table', { name: '网络销售' });
    const amount = await within(sales).findByRole('row', { name: /网络销售额/ });
    expect(within(amount).getByText('网络销售额的统计口径')).toBeInTheDocument();
    expect(within(amount).getByText('123,456.78')).toBeInTheDocument();
    expect(within(amount).getByText('127,957.28')).toBeInTheDocument();
    expect(within(sales).getByRole('columnheader', { name: '全市' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: '培训' })).toBeInTheDocument();
    expect(screen.getByText('销售数据按整月统计：2026-01 至 2026-11。')).toBeInTheDocument();
  });

  it('turns the period picked into the query and keeps it in the address', async () => {
    const { api, router } = await renderPage('/statistics?period=Year&year=2026');
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '统计周期' }));
    await user.click(await screen.findByTitle('月度'));
    await user.click(screen.getByRole('combobox', { name: '月份' }));
    await user.click(await screen.findByTitle('5月'));
    await waitFor(() => {
      const asked = lastTableRequest(api.requests);
      expect(asked.get('Period')).toBe('Month');
      expect(asked.get('Year')).toBe('2026');
      expect(asked.get('Part')).toBe('5');
    });
    expect(router.state.location.search).toBe('?period=Month&year=2026&part=5');

    await user.click(screen.getByRole('combobox', { name: '统计周期' }));
    await user.click(await screen.findByTitle('自定义'));
    expect(screen.getByText('请选择完整的起止日期。')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /导出 XLSX/ })).toBeDisabled();
    await user.type(screen.getByPlaceholderText('开始日期'), '2026-03-01{Enter}');
    await user.type(screen.getByPlaceholderText('结束日期'), '2026-05-31{Enter}');
    await waitFor(() => {
      const asked = lastTableRequest(api.requests);
      expect(asked.get('Period')).toBe('Custom');
      expect(asked.get('From')).toBe('2026-03-01');
      expect(asked.get('To')).toBe('2026-05-31');
      expect(asked.get('Part')).toBeNull();
    });
  });

  it('exports the period as CSV', async () => {
    const createObjectURL = vi.fn(() => 'blob:statistics');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { api } = await renderPage('/statistics?period=Quarter&year=2026&part=2');
    await userEvent.setup().click(screen.getByRole('button', { name: /导出 CSV/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const exported = api.requests.find((request) => request.url.pathname === '/api/statistics/export')!.url;
    expect(Object.fromEntries(exported.searchParams)).toEqual({
      period: 'Quarter',
      year: '2026',
      part: '2',
      format: 'Csv',
    });
  });

  it('issues a bulletin of the period under the title given and opens it', async () => {
    const { api } = await renderPage('/statistics?period=Quarter&year=2026&part=2');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: /发布通报/ }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: '通报标题' });
    expect(title).toHaveValue('2026年第2季度统计通报');
    await user.clear(title);
    await user.click(within(dialog).getByRole('button', { name: '发布' }));
    expect(await within(dialog).findByText('请填写通报标题。')).toBeInTheDocument();
    await user.type(title, '二季度通报');
    await user.click(within(dialog).getByRole('button', { name: '发布' }));
    expect(await screen.findByRole('heading', { name: 'bulletin page' }, { timeout: 10_000 })).toBeInTheDocument();
    const issued = api.requests.find((request) => request.init?.method === 'POST')!;
    expect(issued.body).toEqual({ title: '二季度通报', period: 'Quarter', year: 2026, part: 2 });
  });
});
