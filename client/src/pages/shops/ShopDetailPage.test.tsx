import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecordSource, ReportingGranularity, ShopStatus, type SalesRecordDto, type ShopDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { ShopDetailPage } from './ShopDetailPage';

const OTHER_OFFICER = 'b2000000-0000-0000-0000-000000000009';

const SHOP: ShopDto = {
  id: 'f1000000-0000-0000-0000-000000000001',
  ownerPersonId: PERSON.id,
  ownerPersonName: PERSON.name,
  platformId: 'e1000000-0000-0000-0000-000000000001',
  platformName: '阳光优选平台',
  platformShopId: 'shop-001',
  name: '阳光小店',
  url: 'https://shop.example.com/shop-001',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  granularity: ReportingGranularity.Monthly,
  openedOn: '2024-01-01',
  status: ShopStatus.Open,
  source: RecordSource.Partner,
  version: 4,
};

function record(period: string, overrides: Partial<SalesRecordDto>): SalesRecordDto {
  return {
    id: `d4000000-0000-0000-0000-0000000${period.replace('-', '')}`,
    shopId: SHOP.id,
    period,
    orderCount: 3,
    units: 5,
    grossAmount: 1200.5,
    refunds: 0.5,
    net: 1200,
    source: RecordSource.Partner,
    isCounted: true,
    recordedAt: '2026-11-29T09:00:00Z',
    supersededVersions: 0,
    ...overrides,
  };
}

const SALES = [
  record('2024-01', { supersededVersions: 1 }),
  record('2024-02', {
    source: RecordSource.Staff,
    isCounted: false,
    enteredById: OTHER_OFFICER,
    grossAmount: 800,
    refunds: 0,
    net: 800,
  }),
  record('2024-03', { source: RecordSource.Staff, isCounted: false, enteredById: WULING.id }),
  record('2024-04', {
    source: RecordSource.Staff,
    enteredById: OTHER_OFFICER,
    confirmedById: WULING.id,
    grossAmount: 99.99,
    refunds: 0,
    net: 99.99,
  }),
];

async function renderShop(routes: Parameters<typeof fakeApi>[0] = {}) {
  // As the end-to-end tests do: without animations a dialog is gone once closed.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/shops/${SHOP.id}`]: jsonResponse(200, SHOP),
    [`GET /api/shops/${SHOP.id}/sales`]: jsonResponse(200, SALES),
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
        children: [{ path: '/shops/:id', element: <ShopDetailPage /> }],
      },
    ],
    `/shops/${SHOP.id}`,
  );
  await screen.findByRole('cell', { name: '2024-01' }, { timeout: 5000 });
  return api;
}

const cells = (period: string) =>
  within(screen.getByRole('row', { name: new RegExp(`^${period}`) }))
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('ShopDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("shows the shop's figures by period: amounts in yuan, source, whether they count, earlier versions", async () => {
    await renderShop();
    expect(screen.getByRole('heading', { level: 1, name: `网店：${SHOP.name}` })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: PERSON.name })).toHaveAttribute('href', `/persons/${PERSON.id}`);
    expect(cells('2024-01').slice(0, 9)).toEqual([
      '2024-01',
      '3',
      '5',
      '1,200.50',
      '0.50',
      '1,200.00',
      '平台报送',
      '已计入',
      '1',
    ]);
    expect(cells('2024-02').slice(6, 8)).toEqual(['工作人员录入', '待确认']);
    expect(cells('2024-03').at(-1)).toBe('本人录入，须由另一位工作人员确认');
    expect(cells('2024-04').at(-1)).toBe('');
    expect(screen.getByText('已计入统计的净销售额合计 1,299.99 元（2 期）。')).toBeInTheDocument();
  });

  it("confirms another officer's entry after asking", async () => {
    const api = await renderShop({
      [`POST /api/shops/sales/${SALES[1].id}/confirmation`]: jsonResponse(200, { ...SALES[1], isCounted: true }),
    });
    const user = userEvent.setup();
    expect(screen.queryByRole('button', { name: '确认：2024-03' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '确认：2024-02' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('订单 3 笔，净销售额 800.00 元。确认后计入统计。');
    await user.click(within(dialog).getByRole('button', { name: '确认' }));

    expect(await screen.findByText('已确认 2024-02 的销售数据。')).toBeInTheDocument();
    expect(
      api.requests.filter((request) => request.init?.method === 'POST').map((request) => request.url.pathname),
    ).toEqual([`/api/shops/sales/${SALES[1].id}/confirmation`]);
  });

  it("enters a month's figures and shows the server's objection on the period", async () => {
    const api = await renderShop({
      [`PUT /api/shops/${SHOP.id}/sales`]: jsonResponse(
        422,
        {
          status: 422,
          title: 'Unprocessable Content',
          code: 'sales.period_outside_shop',
          detail: "The period lies outside the shop's opening.",
          errors: { period: ["The period lies outside the shop's opening."] },
          fieldErrors: [
            {
              field: 'period',
              code: 'sales.period_outside_shop',
              message: "The period lies outside the shop's opening.",
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '录入销售数据' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`录入销售数据：${SHOP.name}`);
    await user.type(within(dialog).getByRole('textbox', { name: '月份' }), '2024-05{Enter}');
    await user.type(within(dialog).getByRole('spinbutton', { name: '订单数' }), '7');
    await user.type(within(dialog).getByRole('spinbutton', { name: '商品件数' }), '9');
    await user.type(within(dialog).getByRole('spinbutton', { name: '销售额（元）' }), '1234.5');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await within(dialog).findAllByText('期间不在网店的经营期内。')).not.toHaveLength(0);
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'PUT')?.body).toEqual({
        period: '2024-05',
        orderCount: 7,
        units: 9,
        grossAmount: 1234.5,
        refunds: 0,
      }),
    );
    expect(within(dialog).getByRole('textbox', { name: '月份' })).toHaveAttribute('aria-invalid', 'true');
  });
});
