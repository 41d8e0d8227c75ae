import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DayCountBasis, LoanProgramme } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, LOAN, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { LoansPage } from './LoansPage';

async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/loans': jsonResponse(200, { items: [LOAN], page: 1, pageSize: 20, totalCount: 1 }),
    'GET /api/persons': jsonResponse(200, {
      items: [{ ...PERSON, isRegisteredPoor: true }],
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
          { path: '/loans', element: <LoansPage /> },
          { path: '/loans/:id', element: <h1>loan page</h1> },
        ],
      },
    ],
    '/loans',
  );
  await screen.findByRole('link', { name: PERSON.name }, { timeout: 5000 });
  return api;
}

const rateProblem = jsonResponse(
  422,
  {
    status: 422,
    title: 'Unprocessable Content',
    code: 'loan.rate_invalid',
    detail: 'The annual rate is a fraction above 0 and below 1.',
    errors: { annualRate: ['The annual rate is a fraction above 0 and below 1.'] },
    fieldErrors: [
      { field: 'annualRate', code: 'loan.rate_invalid', message: 'The annual rate is a fraction above 0 and below 1.' },
    ],
  },
  'application/problem+json',
);

/** Fills the new-loan dialog with a 4.35% microcredit loan of 50,000 yuan over 36 months. */
async function fillLoan(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement) {
  await user.type(within(dialog).getByRole('combobox', { name: '借款人' }), '张');
  await user.click(await screen.findByTitle(/^张三（/));
  await user.click(within(dialog).getByRole('combobox', { name: '贷款项目' }));
  await user.click(await screen.findByTitle('扶贫小额信贷'));
  await user.type(within(dialog).getByRole('textbox', { name: '贷款机构' }), ' 常德农商银行 ');
  await user.type(within(dialog).getByRole('spinbutton', { name: '贷款本金（元）' }), '50000');
  await user.type(within(dialog).getByRole('spinbutton', { name: '年利率（%）' }), '4.35');
  await user.type(within(dialog).getByRole('textbox', { name: '放款日期' }), '2024-01-15{Enter}');
  await user.type(within(dialog).getByRole('spinbutton', { name: '期限（月）' }), '36');
}

describe('LoansPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists loans with the rate as a percentage and the principal outstanding', async () => {
    await renderPage();
    const row = within(screen.getByRole('link', { name: PERSON.name }).closest('tr')!);
    expect(row.getByText('4.35%')).toBeInTheDocument();
    expect(row.getByText('50,000.00')).toBeInTheDocument();
    expect(row.getByText('40,000.00')).toBeInTheDocument();
    expect(row.getByText('扶贫小额信贷')).toBeInTheDocument();
  });

  it('records a loan with the rate entered as a percentage and sent as a fraction, then opens it', async () => {
    const api = await renderPage({ 'POST /api/loans': jsonResponse(201, LOAN) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记贷款' }));
    const dialog = await screen.findByRole('dialog');
    await fillLoan(user, dialog);
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    expect(await screen.findByRole('heading', { name: 'loan page' })).toBeInTheDocument();
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      borrowerId: PERSON.id,
      programme: LoanProgramme.PovertyAlleviationMicrocredit,
      lender: '常德农商银行',
      principal: 50000,
      annualRate: 0.0435,
      dayCountBasis: DayCountBasis.Actual360,
      startDate: '2024-01-15',
      termMonths: 36,
    });
  });

  it("shows the server's objection to the rate on the percentage field", async () => {
    await renderPage({ 'POST /api/loans': rateProblem });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记贷款' }));
    const dialog = await screen.findByRole('dialog');
    await fillLoan(user, dialog);
    await user.click(within(dialog).getByRole('radio', { name: '实际天数/365' }));
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    await waitFor(() =>
      expect(within(dialog).getByRole('spinbutton', { name: '年利率（%）' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(within(dialog).getAllByText('年利率须大于 0 且小于 100%，最多 4 位小数。')).not.toHaveLength(0);
  });
});
