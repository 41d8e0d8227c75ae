import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BaseStatus,
  EnterpriseRoles,
  IncubateeType,
  IncubationServices,
  type BaseDto,
  type IncubationDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { IncubationsPage } from './IncubationsPage';

const INCUBATOR = {
  id: 'e1000000-0000-0000-0000-000000000003',
  name: '武陵创业孵化园',
  creditCode: '91430702MA4L0000X3',
  countyId: WULING.countyId,
  roles: [EnterpriseRoles.Incubator],
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

const BY_ENTERPRISE: IncubationDto = {
  id: 'f1000000-0000-0000-0000-000000000001',
  incubatorEnterpriseId: INCUBATOR.id,
  incubatorName: INCUBATOR.name,
  personId: PERSON.id,
  personName: PERSON.name,
  countyId: WULING.countyId!,
  incubateeType: IncubateeType.UniversityStudent,
  services: [IncubationServices.Workspace, IncubationServices.Mentoring],
  startDate: '2024-03-01',
  version: 1,
};

const BY_BASE: IncubationDto = {
  ...BY_ENTERPRISE,
  id: 'f1000000-0000-0000-0000-000000000002',
  incubatorEnterpriseId: undefined,
  incubatorBaseId: BASE.id,
  incubatorName: BASE.name,
  personId: 'a0000000-0000-0000-0000-000000000009',
  personName: '王五',
  incubateeType: IncubateeType.Entrepreneur,
  services: [IncubationServices.Financing],
  startDate: '2023-01-01',
  endDate: '2023-06-30',
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}, user = WULING) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/incubations': paged([BY_ENTERPRISE, BY_BASE]),
    'GET /api/enterprises': paged([INCUBATOR]),
    'GET /api/bases': paged([BASE]),
    'GET /api/persons': paged([{ ...PERSON, isRegisteredPoor: false }]),
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
        children: [{ path: '/incubations', element: <IncubationsPage /> }],
      },
    ],
    '/incubations',
  );
  await screen.findByRole('link', { name: '王五' }, { timeout: 5000 });
  return api;
}

const rowOf = (name: string) => within(screen.getByRole('link', { name }).closest('tr')!);

describe('IncubationsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the incubator, the incubatee type and the services; an ended incubation cannot be ended again', async () => {
    await renderPage();
    expect(rowOf(PERSON.name).getByRole('link', { name: INCUBATOR.name })).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByText('残疾大学生')).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByText('场地、导师指导')).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByRole('button', { name: `结束孵化：${PERSON.name}` })).toBeInTheDocument();
    expect(rowOf('王五').getByText(`基地：${BASE.name}`)).toBeInTheDocument();
    expect(rowOf('王五').getByText('已结束（2023-06-30）')).toBeInTheDocument();
    expect(rowOf('王五').queryByRole('button', { name: /结束孵化/ })).not.toBeInTheDocument();
  });

  it('hides the write actions from a reader', async () => {
    await renderPage({}, { ...WULING, permissions: ['reference.read', 'programme.read'] });
    expect(screen.queryByRole('button', { name: '登记孵化' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /结束孵化/ })).not.toBeInTheDocument();
  });

  it('records an incubation by exactly one incubator, the base chosen, with the services as a list', async () => {
    const api = await renderPage({ 'POST /api/incubations': jsonResponse(201, BY_ENTERPRISE) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记孵化' }));
    const dialog = await screen.findByRole('dialog');
    // An enterprise chosen first, then the base instead: only the base is sent.
    await user.type(within(dialog).getByRole('combobox', { name: '孵化企业' }), '武陵');
    await user.click(await screen.findByTitle(/^武陵创业孵化园（/));
    await user.click(within(dialog).getByRole('radio', { name: '阳光基地' }));
    await user.type(within(dialog).getByRole('combobox', { name: '孵化基地（阳光基地）' }), '柳叶');
    await user.click(await screen.findByTitle(/^柳叶湖阳光基地/));
    await user.type(within(dialog).getByRole('combobox', { name: '孵化对象（残疾人）' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.click(within(dialog).getByRole('combobox', { name: '对象类别' }));
    await user.click(await screen.findByTitle('残疾职校学生'));
    await user.click(within(dialog).getByRole('combobox', { name: '孵化服务' }));
    await user.click(await screen.findByTitle('培训'));
    await user.click(await screen.findByTitle('市场对接'));
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-05-01{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        incubatorBaseId: BASE.id,
        personId: PERSON.id,
        incubateeType: IncubateeType.VocationalStudent,
        services: [IncubationServices.Training, IncubationServices.MarketAccess],
        startDate: '2024-05-01',
      }),
    );
  });

  it('asks for at least one service before sending', async () => {
    const api = await renderPage();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记孵化' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('请至少选择一项孵化服务')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择孵化企业')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });

  it('ends an incubation on its last day', async () => {
    const api = await renderPage({
      [`POST /api/incubations/${BY_ENTERPRISE.id}/end`]: jsonResponse(200, { ...BY_ENTERPRISE, endDate: '2024-06-30' }),
    });
    const user = userEvent.setup();
    await user.click(rowOf(PERSON.name).getByRole('button', { name: `结束孵化：${PERSON.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`结束孵化：${PERSON.name}（${INCUBATOR.name}）`);
    const lastDay = within(dialog).getByRole('textbox', { name: '最后有效日' });
    await user.clear(lastDay);
    await user.type(lastDay, '2024-06-30{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '结束孵化' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({ lastDay: '2024-06-30' }),
    );
  });
});
