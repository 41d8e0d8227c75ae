import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenefitLevel, BenefitState, BenefitType, FundLevel, type BenefitDto, type FundAllocationDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { PaymentDialog } from './PaymentDialog';

const CHECKER = { ...WULING, id: 'c0ffee00-0000-0000-0000-000000000002', userName: 'wuling2' };

const APPROVED: BenefitDto = {
  id: 'b0000000-0000-0000-0000-000000000001',
  type: BenefitType.DemonstrationHouseholdAward,
  countyId: WULING.countyId!,
  personId: 'a0000000-0000-0000-0000-000000000001',
  state: BenefitState.Approved,
  isFinallyApproved: true,
  level: BenefitLevel.County,
  requiresCityApproval: false,
  requiresPublicNotice: true,
  decision: { eligible: true, amount: 10_000, assessmentDate: '2026-12-02', criteria: [] },
  decisionChanged: false,
  createdById: WULING.id,
  submittedById: WULING.id,
  countyReviewedById: CHECKER.id,
  approvedById: 'third',
  noticeStartsOn: '2026-12-02',
  noticeEndsOn: '2026-12-08',
  objections: [],
  transitions: [],
  version: 5,
};

function allocation(changes: Partial<FundAllocationDto>): FundAllocationDto {
  return {
    id: 'f0000000-0000-0000-0000-000000000001',
    year: 2026,
    level: FundLevel.County,
    countyId: WULING.countyId,
    countyName: '武陵区',
    amount: 100_000,
    disbursed: 0,
    balance: 100_000,
    documentNumber: '430702残联发〔演示〕1号',
    note: '',
    createdAt: '2026-12-02T00:00:00Z',
    version: 1,
    ...changes,
  };
}

const COUNTY_FUNDS = allocation({});
const CITY_FUNDS_FOR_COUNTY = allocation({
  id: 'f0000000-0000-0000-0000-000000000002',
  level: FundLevel.City,
  documentNumber: '常残联发〔演示〕430702号',
  amount: 50_000,
  balance: 50_000,
});
const CITY_HELD = allocation({
  id: 'f0000000-0000-0000-0000-000000000003',
  level: FundLevel.City,
  countyId: undefined,
  countyName: undefined,
  documentNumber: '常残联发〔演示〕1号',
  amount: 500_000,
  balance: 500_000,
});

function renderDialog(onDone = vi.fn()) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, CHECKER),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/funds/allocations': jsonResponse(200, [CITY_HELD, COUNTY_FUNDS, CITY_FUNDS_FOR_COUNTY]),
    [`POST /api/benefits/${APPROVED.id}/payment`]: jsonResponse(200, { ...APPROVED, state: BenefitState.Paid }),
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
          {
            path: '/',
            element: (
              <PaymentDialog
                benefit={APPROVED}
                name="谭丽的县级阳光致富示范户申请"
                onDone={onDone}
                onClosed={() => {}}
              />
            ),
          },
        ],
      },
    ],
    '/',
  );
  return api;
}

async function chooseAllocation(user: ReturnType<typeof userEvent.setup>, combobox: HTMLElement, document: string) {
  await user.click(combobox);
  // Each select keeps its own list (and shows its choice) under the same titles: the newest list is last.
  const options = await screen.findAllByTitle(new RegExp(`^${document}`));
  await user.click(options.at(-1)!);
}

describe('PaymentDialog', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers the allocations that may pay the benefit, and refuses parts that do not sum to its amount', async () => {
    const onDone = vi.fn();
    const api = renderDialog(onDone);
    const user = userEvent.setup();
    const dialog = await screen.findByRole(
      'dialog',
      { name: '登记发放：谭丽的县级阳光致富示范户申请' },
      { timeout: 5000 },
    );
    expect(within(dialog).getByText(/各笔合计须等于 10,000.00 元/)).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: '记账凭证号' }), 'PZ-2026-001');
    await user.click(within(dialog).getByRole('combobox', { name: '拨付资金' }));
    // The city's own funds pay city awards only: not offered for a county award.
    expect(await screen.findByTitle('430702残联发〔演示〕1号（县级资金，余额 100,000.00 元）')).toBeInTheDocument();
    expect(screen.getByTitle('常残联发〔演示〕430702号（市级资金，余额 50,000.00 元）')).toBeInTheDocument();
    expect(screen.queryByTitle(/^常残联发〔演示〕1号/)).not.toBeInTheDocument();
    await user.click(screen.getByTitle(/^430702残联发/));
    const amount = within(dialog).getByRole('spinbutton', { name: '金额（元）' });
    await user.clear(amount);
    await user.type(amount, '6000');
    await user.type(within(dialog).getByRole('textbox', { name: '收款人户名' }), '谭丽');
    await user.type(within(dialog).getByRole('textbox', { name: '开户银行' }), '常德农商银行');
    await user.type(within(dialog).getByRole('textbox', { name: '银行账号' }), '6214 8372 0000 1234');
    await user.click(within(dialog).getByRole('button', { name: '登记发放' }));
    expect(await within(dialog).findByText('各笔合计 6,000.00 元，须等于应付金额 10,000.00 元。')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);

    // A second part from the city's funds for the county makes up the rest.
    await user.click(within(dialog).getByRole('button', { name: '添加一笔资金来源' }));
    expect(within(dialog).getAllByRole('spinbutton', { name: '金额（元）' })[1]).toHaveValue('4000.00');
    await chooseAllocation(
      user,
      within(dialog).getAllByRole('combobox', { name: '拨付资金' })[1],
      '常残联发〔演示〕430702号',
    );
    expect(within(dialog).getByText('合计 10,000.00 元，应付 10,000.00 元')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '登记发放' }));

    await vi.waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        paymentDate: dayjs().format('YYYY-MM-DD'),
        voucher: 'PZ-2026-001',
        parts: [
          { allocationId: COUNTY_FUNDS.id, amount: 6000 },
          { allocationId: CITY_FUNDS_FOR_COUNTY.id, amount: 4000 },
        ],
        payeeName: '谭丽',
        payeeBank: '常德农商银行',
        payeeAccount: '6214 8372 0000 1234',
      }),
    );
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('refuses an account number that is not 8 to 32 digits, and an allocation named twice', async () => {
    const api = renderDialog();
    const user = userEvent.setup();
    const dialog = await screen.findByRole(
      'dialog',
      { name: '登记发放：谭丽的县级阳光致富示范户申请' },
      { timeout: 5000 },
    );
    await user.type(within(dialog).getByRole('textbox', { name: '记账凭证号' }), 'PZ-2026-002');
    await chooseAllocation(user, within(dialog).getByRole('combobox', { name: '拨付资金' }), '430702残联发');
    const amount = within(dialog).getByRole('spinbutton', { name: '金额（元）' });
    await user.clear(amount);
    await user.type(amount, '5000');
    await user.click(within(dialog).getByRole('button', { name: '添加一笔资金来源' }));
    await chooseAllocation(user, within(dialog).getAllByRole('combobox', { name: '拨付资金' })[1], '430702残联发');
    await user.type(within(dialog).getByRole('textbox', { name: '收款人户名' }), '谭丽');
    await user.type(within(dialog).getByRole('textbox', { name: '开户银行' }), '常德农商银行');
    await user.type(within(dialog).getByRole('textbox', { name: '银行账号' }), '6214-8372');
    await user.click(within(dialog).getByRole('button', { name: '登记发放' }));
    expect(await within(dialog).findByText('同一笔拨付只能选择一次。')).toBeInTheDocument();
    expect(within(dialog).getByText('银行账号为 8 至 32 位数字。')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });
});
