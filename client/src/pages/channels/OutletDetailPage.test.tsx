import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BaseStatus, ChannelLevel, OutletLocation, type BaseDto, type OutletDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { OutletDetailPage } from './OutletDetailPage';
import { OutletsPage } from './OutletsPage';

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

const OUTLET: OutletDto = {
  id: 'd7000000-0000-0000-0000-000000000001',
  name: '步步高助残专柜',
  countyId: WULING.countyId!,
  location: OutletLocation.Supermarket,
  level: ChannelLevel.County,
  address: '武陵区朗州路 8 号',
  openedOn: '2024-01-10',
  feesWaived: 1200,
  participants: [
    {
      id: 'p1',
      baseId: BASE.id,
      joinedOn: '2024-02-01',
      stallFeeWaived: 800,
      entryFeeWaived: 400,
      accessibility: '坡道',
    },
  ],
  version: 3,
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderAt(path: string, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/channels/outlets': paged([OUTLET]),
    [`GET /api/channels/outlets/${OUTLET.id}`]: jsonResponse(200, OUTLET),
    [`GET /api/bases/${BASE.id}`]: jsonResponse(200, BASE),
    'GET /api/bases': paged([BASE]),
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
          { path: '/outlets', element: <OutletsPage /> },
          { path: '/outlets/:id', element: <OutletDetailPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('specialty outlets', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the outlets with their location, level and fees waived', async () => {
    await renderAt('/outlets');
    const row = within((await screen.findByRole('link', { name: OUTLET.name }, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('超市')).toBeInTheDocument();
    expect(row.getByText('县级')).toBeInTheDocument();
    expect(row.getByText('武陵区')).toBeInTheDocument();
    expect(row.getByText('1,200.00')).toBeInTheDocument();
  });

  it('shows the participants named, with the fees waived for them', async () => {
    await renderAt(`/outlets/${OUTLET.id}`);
    await screen.findByRole('heading', { level: 1, name: `专区专柜：${OUTLET.name}` }, { timeout: 5000 });
    const row = within((await screen.findByText(`基地：${BASE.name}`)).closest('tr')!);
    expect(row.getByText('800.00')).toBeInTheDocument();
    expect(row.getByText('400.00')).toBeInTheDocument();
    expect(row.getByText('坡道')).toBeInTheDocument();
  });

  it('adds exactly one participant: the person chosen after switching from a household', async () => {
    const api = await renderAt(`/outlets/${OUTLET.id}`, {
      [`POST /api/channels/outlets/${OUTLET.id}/participants`]: jsonResponse(200, OUTLET),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '添加参与者' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('combobox', { name: '参与者（家庭户主）' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: '残疾人' }));
    expect(within(dialog).queryByRole('combobox', { name: '参与者（家庭户主）' })).not.toBeInTheDocument();
    await user.type(within(dialog).getByRole('combobox', { name: '参与者（残疾人）' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.type(within(dialog).getByRole('textbox', { name: '加入日期' }), '2024-03-01{Enter}');
    const stallFee = within(dialog).getByRole('spinbutton', { name: '减免摊位费（元）' });
    await user.clear(stallFee);
    await user.type(stallFee, '300');
    await user.type(within(dialog).getByLabelText('无障碍设施'), '  盲道  ');
    await user.click(within(dialog).getByRole('button', { name: '添加参与者' }));

    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        participant: { personId: PERSON.id },
        joinedOn: '2024-03-01',
        stallFeeWaived: 300,
        entryFeeWaived: 0,
        accessibility: '盲道',
      }),
    );
  });

  it('asks for the participant of the kind chosen before sending', async () => {
    const api = await renderAt(`/outlets/${OUTLET.id}`);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '添加参与者' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '基地' }));
    await user.click(within(dialog).getByRole('button', { name: '添加参与者' }));
    expect(await within(dialog).findByText('请选择基地')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });
});
