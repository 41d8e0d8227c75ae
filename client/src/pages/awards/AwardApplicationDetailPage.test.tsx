import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BeneficiaryKind,
  BenefitLevel,
  BenefitState,
  BenefitType,
  type AwardApplicationDto,
  type CurrentUserDto,
  type DecisionDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { AwardApplicationDetailPage } from './AwardApplicationDetailPage';

const CHECKER: CurrentUserDto = { ...WULING, id: 'c0ffee00-0000-0000-0000-000000000002', userName: 'wuling2' };
const THIRD: CurrentUserDto = { ...WULING, id: 'c0ffee00-0000-0000-0000-000000000003', userName: 'wuling3' };

const DECISION: DecisionDto = {
  eligible: true,
  amount: 10_000,
  assessmentDate: '2026-12-02',
  criteria: [
    {
      code: 'award.previous_year_sales',
      description: 'Sales.',
      required: '>= 100000.00 in 2025',
      actual: '162054.78 over 1 shop(s)',
      met: true,
    },
  ],
};

const SNAPSHOT = {
  type: BenefitType.DemonstrationHouseholdAward,
  assessmentDate: '2026-12-02',
  salesYear: 2025,
  holdsAwardOfType: false,
  beneficiaryStatus: 'Active',
  shops: [{ shopId: 's1', shopName: '张记农家土货', net: 162_054.78 }],
  totalSales: 162_054.78,
};

/** In its public notice, with an objection recorded by the third officer; a late sales correction since. */
const IN_NOTICE: AwardApplicationDto = {
  id: 'aa000000-0000-0000-0000-000000000001',
  type: BenefitType.DemonstrationHouseholdAward,
  beneficiaryKind: BeneficiaryKind.Person,
  beneficiaryId: PERSON.id,
  beneficiaryName: PERSON.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  snapshot: SNAPSHOT,
  liveFacts: { ...SNAPSHOT, shops: [{ shopId: 's1', shopName: '张记农家土货', net: 160_000 }], totalSales: 160_000 },
  benefit: {
    id: 'aa000000-0000-0000-0000-000000000001',
    type: BenefitType.DemonstrationHouseholdAward,
    countyId: WULING.countyId!,
    personId: PERSON.id,
    state: BenefitState.PublicNotice,
    isFinallyApproved: false,
    level: BenefitLevel.County,
    requiresCityApproval: false,
    requiresPublicNotice: true,
    decision: DECISION,
    liveDecision: DECISION,
    decisionChanged: false,
    createdById: WULING.id,
    submittedById: WULING.id,
    submittedAt: '2026-12-02T01:00:00Z',
    countyReviewedById: CHECKER.id,
    noticeStartsOn: '2026-12-02',
    noticeEndsOn: '2026-12-08',
    objections: [
      {
        id: 'o1',
        receivedOn: '2026-12-03',
        summary: '反映网店销售额含亲友代购。',
        recordedById: THIRD.id,
        recordedAt: '2026-12-03T02:00:00Z',
      },
    ],
    transitions: [],
    version: 4,
  },
  version: 4,
};

function renderApplication(user: CurrentUserDto, application: AwardApplicationDto, routes = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/awards/applications/${application.id}`]: jsonResponse(200, application),
    'GET /api/funds/payments': jsonResponse(200, { items: [], page: 1, pageSize: 100, totalCount: 0 }),
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
        children: [{ path: '/awards/applications/:id', element: <AwardApplicationDetailPage /> }],
      },
    ],
    `/awards/applications/${application.id}`,
  );
  return api;
}

async function statusButtons(): Promise<string[]> {
  const status = await screen.findByRole('heading', { level: 2, name: '办理情况' }, { timeout: 5000 });
  const card = status.closest('.ant-card') as HTMLElement;
  return within(card)
    .queryAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('AwardApplicationDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the notice dates and the frozen facts beside today’s, saying which changed', async () => {
    renderApplication(THIRD, IN_NOTICE);
    await screen.findByRole('heading', { level: 1, name: `奖补申请：${PERSON.name}` }, { timeout: 5000 });
    expect(screen.getByText('2026-12-02 至 2026-12-08')).toBeInTheDocument();
    const facts = within(screen.getByRole('region', { name: '提交时固定的事实与现时事实对照' }));
    const shop = facts.getByRole('cell', { name: '网店：张记农家土货' }).closest('tr') as HTMLElement;
    expect(within(shop).getByText('162,054.78 元')).toBeInTheDocument();
    expect(within(shop).getByText('160,000.00 元')).toBeInTheDocument();
    expect(within(shop).getByText('有变化')).toBeInTheDocument();
    const status = facts.getByRole('cell', { name: '对象状态' }).closest('tr') as HTMLElement;
    expect(within(status).getByText('无变化')).toBeInTheDocument();
  });

  it('withholds the final approval while an objection is open, which its recorder may not resolve', async () => {
    renderApplication(THIRD, IN_NOTICE);
    expect(await statusButtons()).toEqual(['退回修改', '不予批准']);
    const objections = within(screen.getByRole('region', { name: '公示期内收到的异议' }));
    expect(objections.getByText('待处理')).toBeInTheDocument();
    expect(objections.getByText('本人')).toBeInTheDocument();
    expect(objections.queryByRole('button', { name: /^处理/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: '登记异议' })).toBeInTheDocument();
  });

  it('lets another officer dismiss the objection, after which the third officer may give final approval', async () => {
    const resolved = {
      ...IN_NOTICE.benefit,
      objections: [{ ...IN_NOTICE.benefit.objections[0], upheld: false, resolution: '经核查不属实。' }],
    };
    const api = renderApplication(CHECKER, IN_NOTICE, {
      [`POST /api/benefits/${IN_NOTICE.id}/objections/o1/resolution`]: jsonResponse(200, resolved),
    });
    const user = userEvent.setup();
    expect(await statusButtons()).toEqual([]);
    await user.click(screen.getByRole('button', { name: '处理：2026-12-03' }));
    const dialog = await screen.findByRole('dialog', { name: '处理 2026-12-03 收到的异议' });
    await user.click(within(dialog).getByRole('radio', { name: '异议不成立：可以继续审批' }));
    await user.type(within(dialog).getByRole('textbox', { name: '处理意见' }), '经核查不属实。');
    await user.click(within(dialog).getByRole('button', { name: '处理' }));
    await vi.waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        upheld: false,
        resolution: '经核查不属实。',
      }),
    );
  });

  it('names the final approval of a county award 审定 and explains the notice', async () => {
    const dismissed = {
      ...IN_NOTICE,
      benefit: {
        ...IN_NOTICE.benefit,
        objections: [{ ...IN_NOTICE.benefit.objections[0], upheld: false, resolution: '经核查不属实。' }],
      },
    };
    renderApplication(THIRD, dismissed);
    const user = userEvent.setup();
    expect(await statusButtons()).toEqual(['审定通过', '退回修改', '不予批准']);
    await user.click(screen.getByRole('button', { name: '审定通过' }));
    const dialog = await screen.findByRole('dialog', { name: `审定：${PERSON.name}的县级阳光致富示范户申请` });
    expect(within(dialog).getByText(/公示期为 2026-12-02 至 2026-12-08/)).toBeInTheDocument();
  });
});
