import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenefitState, type CurrentUserDto, type InterestSubsidyClaimListItemDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, LOAN, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { claimPeriod, quarterOf } from './InterestClaimDialog';
import { LoanDetailPage } from './LoanDetailPage';

const CLAIM: InterestSubsidyClaimListItemDto = {
  id: 'f6000000-0000-0000-0000-000000000001',
  loanId: LOAN.id,
  personId: PERSON.id,
  countyId: WULING.countyId!,
  periodStart: '2024-04-01',
  periodEnd: '2024-06-30',
  state: BenefitState.Submitted,
  amount: 321.5,
};

const AUDITOR: CurrentUserDto = {
  ...WULING,
  id: 'a7000000-0000-0000-0000-000000000001',
  permissions: ['reference.read', 'programme.read', 'audit.read'],
};

async function renderLoan(user: CurrentUserDto = WULING, routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/loans/${LOAN.id}`]: jsonResponse(200, LOAN),
    'GET /api/interest-subsidy-claims': jsonResponse(200, { items: [CLAIM], page: 1, pageSize: 20, totalCount: 1 }),
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
          { path: '/loans/:id', element: <LoanDetailPage /> },
          { path: '/interest-claims/:id', element: <h1>claim page</h1> },
        ],
      },
    ],
    `/loans/${LOAN.id}`,
  );
  await screen.findByRole('heading', { level: 1, name: `贷款：${PERSON.name}` }, { timeout: 5000 });
  return api;
}

describe('claim periods', () => {
  it('runs from the first to the last day of the quarter, both inclusive', () => {
    const q2 = quarterOf(dayjs('2024-05-17'));
    expect([q2.start.format('YYYY-MM-DD'), q2.end.format('YYYY-MM-DD')]).toEqual(['2024-04-01', '2024-06-30']);
    expect(claimPeriod({ periodKind: 'quarter', quarter: dayjs('2024-02-29') })).toEqual({
      periodStart: '2024-01-01',
      periodEnd: '2024-03-31',
    });
    expect(claimPeriod({ periodKind: 'quarter', quarter: dayjs('2023-12-01') })).toEqual({
      periodStart: '2023-10-01',
      periodEnd: '2023-12-31',
    });
  });

  it('takes the days entered for other dates', () => {
    expect(
      claimPeriod({
        periodKind: 'custom',
        quarter: dayjs('2024-02-29'),
        periodStart: dayjs('2024-01-15'),
        periodEnd: dayjs('2024-03-31'),
      }),
    ).toEqual({ periodStart: '2024-01-15', periodEnd: '2024-03-31' });
  });
});

describe('LoanDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the contract terms, the repayments and the claims; a reader changes nothing', async () => {
    await renderLoan(AUDITOR);
    expect(screen.getByText('4.35%')).toBeInTheDocument();
    expect(screen.getByText('实际天数/360')).toBeInTheDocument();
    expect(screen.getByText('2024-01-15 起 36 个月，2027-01-15 到期')).toBeInTheDocument();
    expect(screen.getByText('40,000.00 元')).toBeInTheDocument();
    const repayments = within(screen.getByLabelText('归还本金的记录，按日期排列'));
    expect(repayments.getByText('2024-07-15')).toBeInTheDocument();
    expect(repayments.getByText('10,000.00')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '2024-04-01 至 2024-06-30' })).toHaveAttribute(
      'href',
      `/interest-claims/${CLAIM.id}`,
    );
    expect(screen.getByText('321.50')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '登记还本' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申请贴息' })).not.toBeInTheDocument();
  });

  it('records a repayment', async () => {
    const api = await renderLoan(WULING, {
      [`POST /api/loans/${LOAN.id}/repayments`]: jsonResponse(200, LOAN),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记还本' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('今日剩余本金 40,000.00 元。');
    const date = within(dialog).getByRole('textbox', { name: '还款日期' });
    await user.clear(date);
    await user.type(date, '2024-10-15{Enter}');
    await user.type(within(dialog).getByRole('spinbutton', { name: '归还本金（元）' }), '5000');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        date: '2024-10-15',
        principal: 5000,
      }),
    );
  });

  it('claims the subsidy of the quarter that ended last, then opens the claim', async () => {
    const api = await renderLoan(WULING, {
      'POST /api/interest-subsidy-claims': jsonResponse(201, { id: CLAIM.id }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '申请贴息' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: '按季度' })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: '保存为草稿' }));

    expect(await screen.findByRole('heading', { name: 'claim page' })).toBeInTheDocument();
    const last = quarterOf(quarterOf(dayjs()).start.subtract(1, 'day'));
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      loanId: LOAN.id,
      periodStart: last.start.format('YYYY-MM-DD'),
      periodEnd: last.end.format('YYYY-MM-DD'),
    });
  });

  it('claims other dates, showing the objection to the period on its last day', async () => {
    const api = await renderLoan(WULING, {
      'POST /api/interest-subsidy-claims': jsonResponse(
        422,
        {
          status: 422,
          title: 'Unprocessable Content',
          code: 'loan.period_too_long',
          detail: 'A claim covers at most a year.',
          errors: { periodEnd: ['A claim covers at most a year.'] },
          fieldErrors: [
            { field: 'periodEnd', code: 'loan.period_too_long', message: 'A claim covers at most a year.' },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '申请贴息' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '自定日期' }));
    await user.type(within(dialog).getByRole('textbox', { name: '起始日期' }), '2024-01-15{Enter}');
    await user.type(within(dialog).getByRole('textbox', { name: '截止日期' }), '2025-03-31{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '保存为草稿' }));

    expect(await within(dialog).findAllByText('一次申请最长一年。')).not.toHaveLength(0);
    expect(within(dialog).getByRole('textbox', { name: '截止日期' })).toHaveAttribute('aria-invalid', 'true');
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      loanId: LOAN.id,
      periodStart: '2024-01-15',
      periodEnd: '2025-03-31',
    });
  });
});
