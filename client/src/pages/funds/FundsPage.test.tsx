import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BenefitLevel,
  BenefitType,
  FundLevel,
  type FundAllocationDto,
  type FundPaymentDto,
  type FundReconciliationDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { FundsPage } from './FundsPage';

const COUNTY_FUNDS: FundAllocationDto = {
  id: 'f0000000-0000-0000-0000-000000000001',
  year: 2026,
  level: FundLevel.County,
  countyId: WULING.countyId,
  countyName: '武陵区',
  amount: 100_000,
  disbursed: 10_000,
  balance: 90_000,
  documentNumber: '430702残联发〔演示〕1号',
  note: '县级示范户奖补',
  createdAt: '2026-12-02T00:00:00Z',
  version: 2,
};

const CITY_HELD: FundAllocationDto = {
  ...COUNTY_FUNDS,
  id: 'f0000000-0000-0000-0000-000000000003',
  level: FundLevel.City,
  countyId: undefined,
  countyName: undefined,
  amount: 500_000,
  disbursed: 0,
  balance: 500_000,
  documentNumber: '常残联发〔演示〕1号',
  note: '',
};

const PAYMENT: FundPaymentDto = {
  id: 'p0000000-0000-0000-0000-000000000001',
  benefitId: 'aa000000-0000-0000-0000-000000000001',
  benefitType: BenefitType.DemonstrationHouseholdAward,
  level: BenefitLevel.County,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  beneficiaryName: '谭丽',
  amount: 10_000,
  paymentDate: '2026-12-10',
  voucher: 'PZ-2026-001',
  payeeName: '谭丽',
  payeeBank: '常德农商银行',
  payeeAccount: '**** **** **** 1234',
  payerId: 'someone',
  recordedAt: '2026-12-10T02:00:00Z',
  entries: [{ allocationId: COUNTY_FUNDS.id, documentNumber: COUNTY_FUNDS.documentNumber, amount: 10_000 }],
};

const CITY_PAYMENT: FundPaymentDto = {
  ...PAYMENT,
  id: 'p0000000-0000-0000-0000-000000000002',
  benefitType: BenefitType.DemonstrationBaseAward,
  level: BenefitLevel.City,
  beneficiaryName: '绿野基地',
  voucher: 'PZ-2026-002',
  entries: [{ allocationId: CITY_HELD.id, documentNumber: CITY_HELD.documentNumber, amount: 10_000 }],
};

const RECONCILIATION: FundReconciliationDto = {
  reconciled: false,
  allocated: 600_000,
  disbursed: 20_000,
  balance: 580_000,
  entriesTotal: 10_000,
  allocations: [
    {
      allocationId: COUNTY_FUNDS.id,
      documentNumber: COUNTY_FUNDS.documentNumber,
      allocated: 100_000,
      disbursed: 10_000,
      balance: 90_000,
      entriesTotal: 10_000,
      reconciled: true,
    },
    {
      allocationId: CITY_HELD.id,
      documentNumber: CITY_HELD.documentNumber,
      allocated: 500_000,
      disbursed: 10_000,
      balance: 490_000,
      entriesTotal: 0,
      reconciled: false,
    },
  ],
};

function renderFunds() {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/funds/allocations': jsonResponse(200, [COUNTY_FUNDS, CITY_HELD]),
    'GET /api/funds/reconciliation': jsonResponse(200, RECONCILIATION),
    'GET /api/funds/payments': jsonResponse(200, {
      items: [PAYMENT, CITY_PAYMENT],
      page: 1,
      pageSize: 20,
      totalCount: 2,
    }),
    [`POST /api/funds/payments/${PAYMENT.id}/reversal`]: jsonResponse(200, {
      ...PAYMENT,
      id: 'p0000000-0000-0000-0000-000000000009',
      amount: -10_000,
      reversalOfId: PAYMENT.id,
    }),
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
        children: [{ path: '/funds', element: <FundsPage /> }],
      },
    ],
    '/funds',
  );
  return api;
}

describe('FundsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says in words that the ledger does not reconcile, and which allocation', async () => {
    renderFunds();
    expect(await screen.findByText('未平账', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('常残联发〔演示〕1号', { selector: 'td' })).toBeInTheDocument();
    const allocations = within(await screen.findByRole('region', { name: '资金拨付及余额' }));
    const county = (await allocations.findByText('430702残联发〔演示〕1号')).closest('tr') as HTMLElement;
    expect(within(county).getByText('90,000.00')).toBeInTheDocument();
    expect(within(county).getByText('10,000.00')).toBeInTheDocument();
    expect(allocations.getByText('市本级')).toBeInTheDocument();
  });

  it("offers a county officer the reversal of their county's payment only, with a reason", async () => {
    const api = renderFunds();
    const user = userEvent.setup();
    const payments = within(
      await screen.findByRole('region', { name: '发放与冲销记录，最新的在前' }, { timeout: 5000 }),
    );
    await payments.findByText('PZ-2026-001', {}, { timeout: 5000 });
    expect(payments.getByText('430702残联发〔演示〕1号：10,000.00 元')).toBeInTheDocument();
    expect(payments.queryByRole('button', { name: '冲销：PZ-2026-002' })).not.toBeInTheDocument();
    await user.click(payments.getByRole('button', { name: '冲销：PZ-2026-001' }));
    // Under test AntD gives every generated id the same value, so the dialog is named by its title's text here.
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    expect(within(dialog).getByText('冲销发放：凭证 PZ-2026-001')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: '冲销' }));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '理由' }), '收款账号有误。');
    await user.click(within(dialog).getByRole('button', { name: '冲销' }));
    await vi.waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        reason: '收款账号有误。',
      }),
    );
  });
});
