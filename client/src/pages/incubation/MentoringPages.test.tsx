import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseRoles, type MentoringContractDto, type MentoringSessionDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { MentoringContractsPage } from './MentoringContractsPage';
import { MentoringSessionsPage } from './MentoringSessionsPage';

const PROVIDER = {
  id: 'e1000000-0000-0000-0000-000000000004',
  name: '常德创业服务中心',
  creditCode: '91430702MA4L0000X4',
  countyId: WULING.countyId,
  roles: [EnterpriseRoles.ThirdPartyServiceProvider],
  version: 1,
};

const CONTRACT: MentoringContractDto = {
  id: 'c7000000-0000-0000-0000-000000000001',
  title: '2024 年创业导师服务',
  providerEnterpriseId: PROVIDER.id,
  providerName: PROVIDER.name,
  amount: 50000,
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  beneficiaryIds: [PERSON.id],
  sessions: 3,
  version: 1,
};

const SESSION: MentoringSessionDto = {
  id: 's7000000-0000-0000-0000-000000000001',
  contractId: CONTRACT.id,
  personId: PERSON.id,
  countyId: WULING.countyId!,
  mentorName: '刘导师',
  date: '2024-04-02',
  hours: 2.5,
  topic: '网店运营',
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderAt(path: string, routes: Parameters<typeof fakeApi>[0] = {}, user = WULING) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/mentoring/contracts': paged([CONTRACT]),
    'GET /api/mentoring/sessions': paged([SESSION]),
    'GET /api/enterprises': paged([PROVIDER]),
    'GET /api/persons': paged([{ ...PERSON, isRegisteredPoor: false }]),
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
          { path: '/mentoring-contracts', element: <MentoringContractsPage /> },
          { path: '/mentoring-sessions', element: <MentoringSessionsPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('mentoring', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('records a city-level contract when a city officer leaves the county empty', async () => {
    const api = await renderAt(
      '/mentoring-contracts',
      { 'POST /api/mentoring/contracts': jsonResponse(201, CONTRACT) },
      CITY,
    );
    const row = within((await screen.findByText(CONTRACT.title, {}, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('市级')).toBeInTheDocument();
    expect(row.getByRole('link', { name: '3 次' })).toHaveAttribute(
      'href',
      `/mentoring-sessions?contractId=${CONTRACT.id}`,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记合同' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: '合同名称' }), '导师服务');
    await user.type(within(dialog).getByRole('combobox', { name: '服务企业' }), '常德');
    await user.click(await screen.findByTitle(/^常德创业服务中心（/));
    await user.type(within(dialog).getByRole('spinbutton', { name: '合同金额（元）' }), '20000');
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-01-01{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '结束日期' }), '2024-12-31{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        title: '导师服务',
        providerEnterpriseId: PROVIDER.id,
        amount: 20000,
        startDate: '2024-01-01',
        endDate: '2024-12-31',
      }),
    );
  });

  it('adds a beneficiary to a contract', async () => {
    const api = await renderAt('/mentoring-contracts', {
      [`POST /api/mentoring/contracts/${CONTRACT.id}/beneficiaries`]: jsonResponse(200, CONTRACT),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `添加帮扶对象：${CONTRACT.title}` }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '帮扶对象（残疾人）' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.click(within(dialog).getByRole('button', { name: '添加帮扶对象' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({ personId: PERSON.id }),
    );
  });

  it('lists sessions and records one in tenths of an hour, without a contract', async () => {
    const api = await renderAt('/mentoring-sessions', {
      'POST /api/mentoring/sessions': jsonResponse(201, SESSION),
    });
    const row = within((await screen.findByText('刘导师', {}, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('2.5')).toBeInTheDocument();
    expect(await row.findByText(`${CONTRACT.title}（${PROVIDER.name}）`)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记帮扶' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '帮扶对象（残疾人）' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.type(within(dialog).getByRole('textbox', { name: '导师姓名' }), '刘导师');
    await user.type(within(dialog).getByRole('textbox', { name: '帮扶日期' }), '2024-04-02{Enter}');
    await user.type(within(dialog).getByRole('spinbutton', { name: '时长（小时）' }), '1.5');
    await user.type(within(dialog).getByRole('textbox', { name: '帮扶内容' }), '直播带货');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        personId: PERSON.id,
        mentorName: '刘导师',
        date: '2024-04-02',
        hours: 1.5,
        topic: '直播带货',
      }),
    );
  });
});
