import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  OperationServiceType,
  ServiceProviderKind,
  ServiceStationKind,
  ServiceStationStatus,
  SupervisionLevel,
  SupervisionSubject,
  type OperationServiceDto,
  type ServiceStationDto,
  type SupervisionVisitDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { OperationServicesPage } from './OperationServicesPage';
import { ServiceStationsPage } from './ServiceStationsPage';
import { SupervisionVisitPage } from './SupervisionPages';

const SERVICE: OperationServiceDto = {
  id: 'f1000000-0000-0000-0000-000000000001',
  countyId: WULING.countyId!,
  type: OperationServiceType.ProductPhotography,
  providerKind: ServiceProviderKind.Enterprise,
  providerEnterpriseId: 'e1000000-0000-0000-0000-000000000002',
  providerName: '武陵电商产业园',
  personId: PERSON.id,
  servedOn: '2024-05-01',
  hours: 4,
  cost: 300,
  fundingSource: '残疾人就业保障金',
  version: 1,
};

const STATION: ServiceStationDto = {
  id: 'f2000000-0000-0000-0000-000000000001',
  kind: ServiceStationKind.CommunityMicroStore,
  name: '光荣社区微店',
  countyId: WULING.countyId!,
  township: '丹洲乡',
  village: '光荣社区',
  address: '社区服务中心一楼',
  operatorEnterpriseId: 'e1000000-0000-0000-0000-000000000002',
  operatorName: '武陵电商产业园',
  openedOn: '2024-03-01',
  status: ServiceStationStatus.Operating,
  recruits: [{ id: 'r1', personId: PERSON.id, personName: PERSON.name, terms: '免收入驻费', startDate: '2024-03-02' }],
  version: 2,
};

const VISIT: SupervisionVisitDto = {
  id: 'f3000000-0000-0000-0000-000000000001',
  countyId: WULING.countyId!,
  level: SupervisionLevel.City,
  subject: SupervisionSubject.County,
  subjectName: '武陵区',
  visitedOn: '2024-03-01',
  inspectors: '市残联 李明',
  findings: '培训台账不全',
  recordedById: 'u1',
  rectifications: [
    { id: 'i1', item: '补齐培训台账', dueDate: '2024-03-20', overdue: true },
    {
      id: 'i2',
      item: '按月报送',
      dueDate: '2024-04-30',
      closedOn: '2024-04-01',
      closingNote: '已报送',
      overdue: false,
    },
  ],
  openRectifications: 1,
  overdueRectifications: 1,
  version: 3,
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderAt(path: string, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/operation-services': paged([SERVICE]),
    'GET /api/service-stations': paged([STATION]),
    [`GET /api/supervision/visits/${VISIT.id}`]: jsonResponse(200, VISIT),
    [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
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
        children: [
          { path: '/operation-services', element: <OperationServicesPage /> },
          { path: '/service-stations', element: <ServiceStationsPage /> },
          { path: '/supervision/:id', element: <SupervisionVisitPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('registers of services, stations and supervision', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the services with their recipient, provider, hours and cost', async () => {
    await renderAt('/operation-services');
    const row = within((await screen.findByText('产品拍摄上架', {}, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('武陵电商产业园')).toBeInTheDocument();
    expect(row.getByText('300.00')).toBeInTheDocument();
    expect(await row.findByRole('link', { name: PERSON.name })).toBeInTheDocument();
  });

  it('asks for the type and date before recording a service', async () => {
    const api = await renderAt('/operation-services');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '登记服务' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: '参与者（家庭户主）' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('请选择服务类型')).toBeInTheDocument();
    expect(within(dialog).getByText('请选择服务日期')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });

  it('shows a station with its recruits and records another with the terms offered', async () => {
    const api = await renderAt('/service-stations', {
      [`POST /api/service-stations/${STATION.id}/recruits`]: jsonResponse(200, STATION),
    });
    const row = within((await screen.findByText(STATION.name, {}, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('微店进小区')).toBeInTheDocument();
    expect(row.getByText(`${PERSON.name}（免收入驻费，2024-03-02）`)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(row.getByRole('button', { name: `登记招募：${STATION.name}` }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '残疾人' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.type(within(dialog).getByRole('textbox', { name: '准入优惠' }), '  优先招募  ');
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-04-01{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '登记招募' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        personId: PERSON.id,
        terms: '优先招募',
        startDate: '2024-04-01',
      }),
    );
  });

  it('marks the overdue item and closes it with a date and a note', async () => {
    const api = await renderAt(`/supervision/${VISIT.id}`, {
      'POST /api/supervision/rectifications/i1/closing': jsonResponse(200, VISIT),
    });
    const overdue = within((await screen.findByText('补齐培训台账', {}, { timeout: 5000 })).closest('tr')!);
    expect(overdue.getByText('已逾期')).toBeInTheDocument();
    const closed = within(screen.getByText('按月报送').closest('tr')!);
    expect(closed.getByText('2024-04-01 已销号')).toBeInTheDocument();
    expect(closed.queryByRole('button')).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(overdue.getByRole('button', { name: '销号：补齐培训台账' }));
    const dialog = await screen.findByRole('dialog');
    const date = within(dialog).getByRole('textbox', { name: '销号日期' });
    await user.clear(date);
    await user.type(date, '2024-03-25{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '销号说明' }), '台账已补齐');
    await user.click(within(dialog).getByRole('button', { name: '销号' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        closedOn: '2024-03-25',
        note: '台账已补齐',
      }),
    );
  });
});
