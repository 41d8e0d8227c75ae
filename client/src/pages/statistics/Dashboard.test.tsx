import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { HomePage } from '../HomePage';
import { COUNTY_REGIONS, DEFINITIONS, PROGRESS, TABLE, TRENDS, WULING_REF } from './fixtures';

async function renderDashboard(user = CITY, table = TABLE) {
  // jsdom lays nothing out; the charts measure their frame to draw.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
    DOMRect.fromRect({ width: 640, height: 300 }),
  );
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, COUNTY_REGIONS),
    'GET /api/programmes': jsonResponse(200, []),
    'GET /api/statistics/indicators': jsonResponse(200, DEFINITIONS),
    'GET /api/statistics/progress': jsonResponse(200, PROGRESS),
    'GET /api/statistics/trends': jsonResponse(200, TRENDS),
    'GET /api/statistics': jsonResponse(200, table),
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
          { path: '/', element: <HomePage /> },
          { path: '/persons', element: <h1>persons page</h1> },
        ],
      },
    ],
    '/',
  );
  await screen.findByRole('heading', { name: '目标完成情况' }, { timeout: 5000 });
  return api;
}

describe('Dashboard', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the targets against actual figures of the scope, with every scope in its data table', async () => {
    await renderDashboard();
    expect(await screen.findByText('实际 49 / 目标 200（24.5%）')).toBeInTheDocument();
    expect(screen.getByText('实际 31 / 目标 100（31%）')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '数据表（目标完成情况）' }));
    const table = screen.getByRole('table', { name: '目标完成情况：数据表' });
    const wuling = within(table).getByRole('row', { name: /武陵区/ });
    expect(within(wuling).getByText('实际 37 / 目标 100（37%）')).toBeInTheDocument();
    expect(within(wuling).getByText('2027-06-30')).toBeInTheDocument();
  });

  it('labels each chart with a summary of what it shows', async () => {
    await renderDashboard();
    const year = new Date().getFullYear();
    const sales = await screen.findByRole('img', { name: new RegExp(`^${year}年各月网络销售`) });
    expect(sales).toHaveAccessibleName(
      `${year}年各月网络销售：销售额合计 10,100.50 元，订单合计 410 单；销售额最高为3月。`,
    );
    expect(
      screen.getByRole('img', { name: `${year}年各月新开网店合计 12 家，培训残疾人合计 66 人。` }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', {
        name: '2 个区县的培训残疾人数柱状图：最高为 武陵区 37人，最低为 鼎城区 12人。',
      }),
    ).toBeInTheDocument();
  });

  it('shows the numbers behind a chart in its data table', async () => {
    await renderDashboard();
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: new RegExp('^数据表（\\d+年网络销售月度趋势）') });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const table = screen.getByRole('table', { name: /网络销售月度趋势：数据表/ });
    const march = within(table).getByRole('row', { name: /^3月/ });
    expect(within(march).getByText('9,000.50')).toBeInTheDocument();
    expect(within(march).getByText('300')).toBeInTheDocument();
    await user.click(toggle);
    expect(screen.queryByRole('table', { name: /网络销售月度趋势：数据表/ })).not.toBeInTheDocument();
  });

  it('compares the counties on the chosen indicator and links each county to its people and shops', async () => {
    await renderDashboard();
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '对比指标' }));
    await user.click(await screen.findByTitle('网络销售额'));
    expect(
      await screen.findByRole('img', {
        name: '2 个区县的网络销售额柱状图：最高为 武陵区 123,456.78元，最低为 鼎城区 4,500.50元。',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('全市：127,957.28 元')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '数据表（各区县对比：网络销售额）' }));
    const comparison = screen.getByRole('table', { name: '各区县对比：网络销售额：数据表' });
    expect(within(within(comparison).getByRole('row', { name: /鼎城区/ })).getByText('4,500.50')).toBeInTheDocument();

    const counties = screen.getByRole('table', { name: '各区县主要指标' });
    const wuling = within(counties).getByRole('row', { name: /武陵区/ });
    expect(within(wuling).getByText('812')).toBeInTheDocument();
    expect(within(wuling).getByRole('link', { name: '查看网店：武陵区' })).toHaveAttribute(
      'href',
      `/shops?countyId=${WULING_REF.id}`,
    );
    await user.click(within(wuling).getByRole('link', { name: '查看人员：武陵区' }));
    expect(await screen.findByRole('heading', { name: 'persons page' })).toBeInTheDocument();
  });

  it('gives each indicator its definition as a description', async () => {
    await renderDashboard();
    const counties = screen.getByRole('table', { name: '各区县主要指标' });
    await waitFor(() =>
      expect(within(counties).getByText('在营网店数')).toHaveAccessibleDescription('在营网店数的统计口径'),
    );
  });

  it('asks for the period chosen and does not call a county officer’s total 全市', async () => {
    const api = await renderDashboard(WULING, {
      ...TABLE,
      cityWide: false,
      counties: [WULING_REF],
      rows: TABLE.rows.map((row) => ({ ...row, total: row.byCounty[0].value, byCounty: [row.byCounty[0]] })),
    });
    expect(await screen.findByText('合计：37 人')).toBeInTheDocument();
    expect(screen.queryByText(/^全市/)).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '统计周期' }));
    await user.click(await screen.findByTitle('季度'));
    await user.click(screen.getByRole('combobox', { name: '季度' }));
    await user.click(await screen.findByTitle('第2季度'));
    await waitFor(() => {
      const asked = api.requests.filter((request) => request.url.pathname === '/api/statistics').at(-1)!.url;
      // The generated client names the query parameters as the API's binding does (PascalCase).
      expect(asked.searchParams.get('Period')).toBe('Quarter');
      expect(asked.searchParams.get('Part')).toBe('2');
      expect(asked.searchParams.get('Codes')).toContain('training.persons');
    });
  });
});
