import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgreementStatus, BaseStatus, EnterpriseRoles, type BaseDto, type SupplyAgreementDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { SupplyAgreementsPage } from './SupplyAgreementsPage';

const ENTERPRISE = {
  id: 'e1000000-0000-0000-0000-000000000002',
  name: '武陵电商产业园',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  roles: [EnterpriseRoles.EcommerceEnterprise],
  version: 1,
};

const BASE: BaseDto = {
  id: 'b1000000-0000-0000-0000-000000000001',
  name: '柳叶湖阳光基地',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  operatorPersonId: PERSON.id,
  operatorPersonName: PERSON.name,
  recognisedYear: 2018,
  status: BaseStatus.Active,
  products: '柑橘',
  version: 2,
};

const WITH_BASE: SupplyAgreementDto = {
  id: 'a2000000-0000-0000-0000-000000000001',
  enterpriseId: ENTERPRISE.id,
  enterpriseName: ENTERPRISE.name,
  baseId: BASE.id,
  baseName: BASE.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  startDate: '2024-01-01',
  products: '柑橘',
  status: AgreementStatus.Active,
  version: 3,
};

const TERMINATED: SupplyAgreementDto = {
  ...WITH_BASE,
  id: 'a2000000-0000-0000-0000-000000000002',
  baseId: undefined,
  baseName: undefined,
  personId: PERSON.id,
  personName: PERSON.name,
  startDate: '2023-01-01',
  endDate: '2023-12-31',
  status: AgreementStatus.Terminated,
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderPage(path = '/supply-agreements', routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/supply-agreements': paged([WITH_BASE, TERMINATED]),
    'GET /api/enterprises': paged([ENTERPRISE]),
    'GET /api/bases': paged([BASE]),
    [`GET /api/bases/${BASE.id}`]: jsonResponse(200, BASE),
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
        children: [{ path: '/supply-agreements', element: <SupplyAgreementsPage /> }],
      },
    ],
    path,
  );
  await screen.findByText('基地：柳叶湖阳光基地', {}, { timeout: 5000 });
  return api;
}

const requestsTo = (api: ReturnType<typeof fakeApi>, method: string) =>
  api.requests.filter((request) => (request.init?.method ?? 'GET') === method);

describe('SupplyAgreementsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists agreements with their counterparty and status, and filters by the base in the address', async () => {
    const api = await renderPage(`/supply-agreements?baseId=${BASE.id}&inForceOn=2024-06-30`);
    const terminated = within(screen.getByRole('link', { name: PERSON.name }).closest('tr')!);
    expect(terminated.getByText('已终止')).toBeInTheDocument();
    expect(terminated.getByText('2023-01-01 至 2023-12-31')).toBeInTheDocument();
    expect(terminated.queryByRole('button', { name: /终止/ })).not.toBeInTheDocument();
    const active = within(screen.getByText('基地：柳叶湖阳光基地').closest('tr')!);
    expect(active.getByText('2024-01-01 起，长期')).toBeInTheDocument();
    expect(active.getByText('有效')).toBeInTheDocument();
    // The base chosen before is named in its filter.
    expect(await screen.findByTitle('柳叶湖阳光基地（武陵区）')).toBeInTheDocument();
    const list = api.requests.find((request) => request.url.pathname === '/api/supply-agreements')!;
    expect(list.url.searchParams.get('BaseId')).toBe(BASE.id);
    expect(list.url.searchParams.get('InForceOn')).toBe('2024-06-30');
  });

  it('records an agreement with a base, sending no person', async () => {
    const api = await renderPage(undefined, { 'POST /api/supply-agreements': jsonResponse(201, WITH_BASE) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记协议' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '企业' }), '武陵');
    await user.click(await screen.findByTitle(/^武陵电商产业园（/));
    await user.type(within(dialog).getByRole('combobox', { name: '协议基地' }), '柳叶');
    await user.click(await screen.findByTitle('柳叶湖阳光基地（武陵区）'));
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-01-01{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '结束日期（最后有效日，选填）' }), '2023-12-31{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '协议产品' }), '柑橘');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('结束日期不能早于开始日期。')).toBeInTheDocument();
    expect(requestsTo(api, 'POST')).toHaveLength(0);

    const end = within(dialog).getByRole('textbox', { name: '结束日期（最后有效日，选填）' });
    await user.clear(end);
    await user.type(end, '2025-12-31{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() =>
      expect(requestsTo(api, 'POST')[0]?.body).toEqual({
        enterpriseId: ENTERPRISE.id,
        baseId: BASE.id,
        startDate: '2024-01-01',
        endDate: '2025-12-31',
        products: '柑橘',
      }),
    );
  });

  it('terminates an agreement on its last day in force', async () => {
    const api = await renderPage(undefined, {
      [`POST /api/supply-agreements/${WITH_BASE.id}/termination`]: jsonResponse(200, {
        ...WITH_BASE,
        status: AgreementStatus.Terminated,
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `终止：${BASE.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`终止协议：${ENTERPRISE.name} 与 ${BASE.name}`);
    const lastDay = within(dialog).getByRole('textbox', { name: '最后有效日' });
    await user.clear(lastDay);
    await user.type(lastDay, '2024-06-30{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '终止' }));
    await waitFor(() => expect(requestsTo(api, 'POST')[0]?.body).toEqual({ lastDay: '2024-06-30' }));
  });
});
