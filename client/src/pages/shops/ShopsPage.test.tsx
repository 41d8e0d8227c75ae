import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EnterpriseRoles,
  RecordSource,
  ReportingGranularity,
  ShopStatus,
  type EnterpriseDto,
  type ShopDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { ShopsPage } from './ShopsPage';

const PLATFORM: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000001',
  name: '阳光优选平台',
  creditCode: '91430700MA4L0000X1',
  roles: [EnterpriseRoles.PartnerPlatform],
  version: 1,
};

const SHOP: ShopDto = {
  id: 'f1000000-0000-0000-0000-000000000001',
  ownerPersonId: PERSON.id,
  ownerPersonName: PERSON.name,
  platformId: PLATFORM.id,
  platformName: PLATFORM.name,
  platformShopId: 'shop-001',
  name: '阳光小店',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  granularity: ReportingGranularity.Monthly,
  openedOn: '2024-01-01',
  closedOn: '2024-09-30',
  status: ShopStatus.Closed,
  source: RecordSource.Partner,
  version: 4,
};

async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/enterprises': jsonResponse(200, { items: [PLATFORM], page: 1, pageSize: 100, totalCount: 1 }),
    'GET /api/shops': jsonResponse(200, { items: [SHOP], page: 1, pageSize: 20, totalCount: 1 }),
    'GET /api/persons': jsonResponse(200, {
      items: [{ ...PERSON, isRegisteredPoor: false }],
      page: 1,
      pageSize: 20,
      totalCount: 1,
    }),
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
          { path: '/shops', element: <ShopsPage /> },
          { path: '/shops/:id', element: <h1>shop page</h1> },
        ],
      },
    ],
    '/shops',
  );
  await screen.findByRole('link', { name: SHOP.name }, { timeout: 5000 });
  return api;
}

describe('ShopsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists shops with platform, owner, reporting and status', async () => {
    await renderPage();
    const row = within(screen.getByRole('row', { name: new RegExp(SHOP.name) }));
    expect(row.getByText(PLATFORM.name)).toBeInTheDocument();
    expect(row.getByRole('link', { name: PERSON.name })).toHaveAttribute('href', `/persons/${PERSON.id}`);
    expect(row.getByText('按月')).toBeInTheDocument();
    expect(row.getByText('已关闭（2024-09-30）')).toBeInTheDocument();
    expect(row.getByText('平台登记')).toBeInTheDocument();
  });

  it("registers a disabled person's shop on a partner platform and opens it", async () => {
    const api = await renderPage({
      'POST /api/shops': jsonResponse(201, { ...SHOP, id: 'f1000000-0000-0000-0000-000000000002' }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记网店' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '店主姓名' }), '张');
    await user.click(await screen.findByTitle(new RegExp(`^${PERSON.name}`)));
    await user.click(within(dialog).getByRole('combobox', { name: '电商平台' }));
    await user.click(await screen.findByTitle(PLATFORM.name));
    await user.click(within(dialog).getByRole('textbox', { name: '平台店铺编号' }));
    await user.paste('shop-002');
    await user.click(within(dialog).getByRole('textbox', { name: '网店名称' }));
    await user.paste('阳光二店');
    await user.click(within(dialog).getByRole('radio', { name: '按日' }));
    await user.type(within(dialog).getByRole('textbox', { name: '开店日期' }), '2024-03-01{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    expect(await screen.findByRole('heading', { name: 'shop page' })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        ownerPersonId: PERSON.id,
        platformId: PLATFORM.id,
        platformShopId: 'shop-002',
        name: '阳光二店',
        granularity: ReportingGranularity.Daily,
        openedOn: '2024-03-01',
      }),
    );
  });
});
