import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkType, type BenefitLinkDto, type CurrentUserDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { BenefitLinkDetailPage } from './BenefitLinkDetailPage';

const LINK: BenefitLinkDto = {
  id: 'l1000000-0000-0000-0000-000000000001',
  enterpriseId: 'e1000000-0000-0000-0000-000000000002',
  enterpriseName: '武陵电商产业园',
  householdId: 'h1000000-0000-0000-0000-000000000001',
  householdHeadName: '李四',
  householdRegisteredPoor: true,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  type: LinkType.ProductSupply,
  startDate: '2024-01-01',
  months: [
    { month: '2024-01', amount: 300 },
    { month: '2024-02', amount: 450.5 },
  ],
  version: 3,
};

const AUDITOR: CurrentUserDto = {
  ...WULING,
  id: 'a7000000-0000-0000-0000-000000000001',
  userName: 'auditor',
  roles: ['Auditor'],
  permissions: ['reference.read', 'programme.read', 'audit.read'],
  countyId: undefined,
  countyName: undefined,
};

async function renderLink(user: CurrentUserDto, routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/benefit-links/${LINK.id}`]: jsonResponse(200, LINK),
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
        children: [{ path: '/benefit-links/:id', element: <BenefitLinkDetailPage /> }],
      },
    ],
    `/benefit-links/${LINK.id}`,
  );
  await screen.findByRole('heading', { level: 1, name: '利益联结：户主 李四' }, { timeout: 5000 });
  return api;
}

const problem = (field: string, code: string, message: string) =>
  jsonResponse(
    422,
    {
      status: 422,
      title: 'Unprocessable Content',
      code,
      detail: message,
      errors: { [field]: [message] },
      fieldErrors: [{ field, code, message }],
    },
    'application/problem+json',
  );

/** A row of the months dialog, by its number. */
const row = (dialog: HTMLElement, number: number) =>
  within(within(dialog).getByRole('group', { name: `第 ${number} 行` }));

describe('BenefitLinkDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the link, its months and their total; a reader is offered no changes', async () => {
    await renderLink(AUDITOR);
    expect(screen.getByRole('link', { name: '武陵电商产业园' })).toHaveAttribute(
      'href',
      `/enterprises/${LINK.enterpriseId}`,
    );
    expect(screen.getByText('产品代销')).toBeInTheDocument();
    expect(screen.getByText('2024-01-01 起，长期')).toBeInTheDocument();
    expect(screen.getByText('累计 750.50 元（2 个月）。')).toBeInTheDocument();
    const months = within(screen.getByRole('region', { name: '各月给家庭带来的收益，按月份排列' }));
    expect(months.getByRole('row', { name: /2024-02/ })).toHaveTextContent('450.50');
    expect(screen.queryByRole('button', { name: '录入月度金额' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '结束联结' })).not.toBeInTheDocument();
  });

  it("records several months at once and shows the server's objection on the row it names", async () => {
    const api = await renderLink(WULING, {
      [`PUT /api/benefit-links/${LINK.id}/months`]: problem(
        'months[1].month',
        'link.month_future',
        'Amounts are recorded for past or current months.',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '录入月度金额' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(row(dialog, 1).getByRole('textbox', { name: '月份' }), '2024-03{Enter}');
    await user.type(row(dialog, 1).getByRole('spinbutton', { name: '金额（元）' }), '1200.5');
    await user.click(within(dialog).getByRole('button', { name: '再加一个月' }));
    await user.type(row(dialog, 2).getByRole('textbox', { name: '月份' }), '2024-04{Enter}');
    await user.type(row(dialog, 2).getByRole('spinbutton', { name: '金额（元）' }), '0');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await row(dialog, 2).findByText('只能录入本月及以前月份的金额。')).toBeInTheDocument();
    expect(row(dialog, 2).getByRole('textbox', { name: '月份' })).toHaveAttribute('aria-invalid', 'true');
    expect(row(dialog, 1).getByRole('textbox', { name: '月份' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(api.requests.find((request) => request.init?.method === 'PUT')?.body).toEqual({
      months: [
        { month: '2024-03', amount: 1200.5 },
        { month: '2024-04', amount: 0 },
      ],
    });
  });

  it("corrects a month's amount from its row, and lists an objection about all months above the rows", async () => {
    const api = await renderLink(WULING, {
      [`PUT /api/benefit-links/${LINK.id}/months`]: problem(
        'months',
        'link.month_repeated',
        'Each month appears once.',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '修改：2024-02' }));
    const dialog = await screen.findByRole('dialog');
    expect(row(dialog, 1).getByRole('textbox', { name: '月份' })).toHaveValue('2024-02');
    const amount = row(dialog, 1).getByRole('spinbutton', { name: '金额（元）' });
    expect(amount).toHaveValue('450.50');
    await user.clear(amount);
    await user.type(amount, '500');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('同一月份只能出现一次。');
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'PUT')?.body).toEqual({
        months: [{ month: '2024-02', amount: 500 }],
      }),
    );
  });
});
