import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkType, type BenefitLinkDto, type CurrentUserDto, type HouseholdListItemDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { BenefitLinksPage } from './BenefitLinksPage';

const LINK: BenefitLinkDto = {
  id: 'l1000000-0000-0000-0000-000000000001',
  entrepreneurPersonId: PERSON.id,
  entrepreneurName: PERSON.name,
  householdId: 'h1000000-0000-0000-0000-000000000001',
  householdHeadName: '李四',
  householdRegisteredPoor: true,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  type: LinkType.ProtectivePricePurchase,
  startDate: '2024-01-01',
  endDate: '2024-12-31',
  months: [
    { month: '2024-01', amount: 0.1 },
    { month: '2024-02', amount: 0.2 },
  ],
  version: 1,
};

const household = (id: string, headName: string, disabledMemberCount: number): HouseholdListItemDto => ({
  id,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  township: '丹洲乡',
  village: '柳叶村',
  headName,
  memberCount: 3,
  disabledMemberCount,
  isRegisteredPoor: true,
});

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderPage(user: CurrentUserDto, routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/benefit-links': paged([LINK]),
    'GET /api/benefit-links/households': ({ url }) =>
      jsonResponse(200, {
        date: url.searchParams.get('Date'),
        countyId: user.countyId ?? url.searchParams.get('CountyId') ?? undefined,
        households: 12,
        registeredPoorHouseholds: 5,
      }),
    'GET /api/households': paged([
      household('h1000000-0000-0000-0000-000000000001', '李四', 1),
      household('h1000000-0000-0000-0000-000000000002', '李五', 0),
    ]),
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
          { path: '/benefit-links', element: <BenefitLinksPage /> },
          { path: '/benefit-links/:id', element: <h1>link page</h1> },
        ],
      },
    ],
    '/benefit-links',
  );
  await screen.findByRole('link', { name: '李四' }, { timeout: 5000 });
  return api;
}

describe('BenefitLinksPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists links with their months and total, added in fen', async () => {
    await renderPage(WULING);
    const row = within(screen.getByRole('link', { name: '李四' }).closest('tr')!);
    expect(row.getByRole('link', { name: PERSON.name })).toHaveAttribute('href', `/persons/${PERSON.id}`);
    expect(row.getByText('保护价收购')).toBeInTheDocument();
    expect(row.getByText('2024-01-01 至 2024-12-31')).toBeInTheDocument();
    expect(row.getByText('0.30')).toBeInTheDocument();
  });

  it("counts a county officer's households brought into the chain today", async () => {
    const api = await renderPage(WULING);
    expect(await screen.findByText('武陵区，' + dayjs().format('YYYY-MM-DD'))).toBeInTheDocument();
    expect(screen.getByText('12')).toBeInTheDocument();
    expect(screen.getByText('5')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '区县' })).not.toBeInTheDocument();
    const request = api.requests.find((candidate) => candidate.url.pathname === '/api/benefit-links/households')!;
    expect(request.url.searchParams.get('Date')).toBe(dayjs().format('YYYY-MM-DD'));
  });

  it('counts the whole city for a city officer, or the county chosen', async () => {
    const api = await renderPage(CITY);
    expect(await screen.findByText('全市，' + dayjs().format('YYYY-MM-DD'))).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '区县' }));
    await user.click(await screen.findByTitle('武陵区'));
    await user.click(screen.getByRole('button', { name: '统计' }));
    expect(await screen.findByText('武陵区，' + dayjs().format('YYYY-MM-DD'))).toBeInTheDocument();
    const last = api.requests.filter((candidate) => candidate.url.pathname === '/api/benefit-links/households').at(-1)!;
    expect(last.url.searchParams.get('CountyId')).toBe(WULING.countyId);
  });

  it('records a link of an entrepreneur with a disabled household, then opens it', async () => {
    const api = await renderPage(WULING, {
      'GET /api/persons': paged([{ ...PERSON, isRegisteredPoor: false }]),
      'POST /api/benefit-links': jsonResponse(201, LINK),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记利益联结' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '创业残疾人' }));
    await user.type(within(dialog).getByRole('combobox', { name: '联结的创业残疾人' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.type(within(dialog).getByRole('combobox', { name: '残疾人家庭' }), '李');
    // A household without a registered disabled member is listed but cannot be chosen.
    expect(await screen.findByRole('option', { name: /李五.*没有已登记的残疾人成员/ })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await user.click(await screen.findByTitle('户主 李四（武陵区 丹洲乡 柳叶村）'));
    await user.click(within(dialog).getByRole('combobox', { name: '联结方式' }));
    await user.click(await screen.findByTitle('保护价收购'));
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-01-01{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    expect(await screen.findByRole('heading', { name: 'link page' })).toBeInTheDocument();
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        entrepreneurPersonId: PERSON.id,
        householdId: LINK.householdId,
        type: LinkType.ProtectivePricePurchase,
        startDate: '2024-01-01',
      }),
    );
  });
});
