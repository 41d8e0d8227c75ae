import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BenefitLevel,
  BenefitState,
  BenefitType,
  LoanProgramme,
  type CurrentUserDto,
  type DecisionDto,
  type InterestSubsidyClaimDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, LOAN, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { InterestClaimDetailPage } from './InterestClaimDetailPage';

const CHECKER: CurrentUserDto = { ...WULING, id: 'c0ffee00-0000-0000-0000-000000000002', userName: 'wuling2' };

const DECISION: DecisionDto = {
  eligible: true,
  amount: 321.5,
  assessmentDate: '2024-04-01',
  criteria: [
    {
      code: 'loan.borrower_registered_poor',
      description: 'Registered poor.',
      required: 'registered poor on 2024-04-01',
      actual: 'registered poor',
      met: true,
    },
    { code: 'loan.amount', description: 'Amount.', required: 'a policy in force', actual: '321.50', met: true },
  ],
};

const DRAFT: InterestSubsidyClaimDto = {
  id: 'f6000000-0000-0000-0000-000000000001',
  loanId: LOAN.id,
  personId: PERSON.id,
  personName: PERSON.name,
  countyId: WULING.countyId!,
  programme: LoanProgramme.PovertyAlleviationMicrocredit,
  periodStart: '2024-04-01',
  periodEnd: '2024-06-30',
  benefit: {
    id: 'f6000000-0000-0000-0000-000000000001',
    type: BenefitType.LoanInterestSubsidy,
    countyId: WULING.countyId!,
    personId: PERSON.id,
    state: BenefitState.Draft,
    isFinallyApproved: false,
    level: BenefitLevel.County,
    requiresCityApproval: false,
    requiresPublicNotice: false,
    liveDecision: DECISION,
    decisionChanged: false,
    createdById: WULING.id,
    objections: [],
    transitions: [],
    version: 1,
  },
  version: 1,
};

const SUBMITTED: InterestSubsidyClaimDto = {
  ...DRAFT,
  benefit: {
    ...DRAFT.benefit,
    state: BenefitState.Submitted,
    decision: DECISION,
    submittedById: WULING.id,
    submittedAt: '2026-11-29T10:00:00Z',
    transitions: [
      {
        action: 'submit',
        from: BenefitState.Draft,
        to: BenefitState.Submitted,
        actorId: WULING.id,
        at: '2026-11-29T10:00:00Z',
      },
    ],
    version: 2,
  },
};

function renderClaim(
  user: CurrentUserDto,
  claims: InterestSubsidyClaimDto[],
  routes: Parameters<typeof fakeApi>[0] = {},
) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/interest-subsidy-claims/${DRAFT.id}`]: () =>
      jsonResponse(200, claims.length > 1 ? claims.shift() : claims[0]),
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
        children: [{ path: '/interest-claims/:id', element: <InterestClaimDetailPage /> }],
      },
    ],
    `/interest-claims/${DRAFT.id}`,
  );
  return api;
}

async function actions(): Promise<string[]> {
  const status = await screen.findByRole('heading', { level: 2, name: '办理情况' }, { timeout: 5000 });
  const card = status.closest('.ant-card') as HTMLElement;
  return within(card)
    .queryAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('InterestClaimDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('previews the decision of a draft criterion by criterion, in the interface language', async () => {
    renderClaim(WULING, [DRAFT]);
    expect(await actions()).toEqual(['提交审核']);
    expect(screen.getByText('2024-04-01 至 2024-06-30（91 天）')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看贷款' })).toHaveAttribute('href', `/loans/${LOAN.id}`);
    expect(screen.getByText('扶贫小额信贷')).toBeInTheDocument();
    const preview = within(screen.getByLabelText('按当前信息预审的结果，逐项说明'));
    expect(preview.getByText('借款人家庭在期间首日是建档立卡贫困户')).toBeInTheDocument();
    expect(preview.getByText('registered poor on 2024-04-01')).toBeInTheDocument();
  });

  it('submits a draft through the benefit workflow', async () => {
    const api = renderClaim(WULING, [DRAFT, SUBMITTED], {
      [`POST /api/benefits/${DRAFT.id}/submission`]: jsonResponse(200, SUBMITTED.benefit),
    });
    const user = userEvent.setup();
    await actions();
    await user.click(screen.getByRole('button', { name: '提交审核' }));
    const dialog = await screen.findByRole('dialog', { name: `提交审核：${PERSON.name}的贷款贴息申请` });
    await user.click(within(dialog).getByRole('button', { name: '提交审核' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.url.pathname).toBe(
        `/api/benefits/${DRAFT.id}/submission`,
      ),
    );
    expect(await screen.findByText('已提交')).toBeInTheDocument();
  });

  it('offers the submitter withdrawal but never the decision on their own claim', async () => {
    renderClaim(WULING, [SUBMITTED]);
    expect(await actions()).toEqual(['撤回申请']);
  });

  it('offers another county officer approval, return and rejection', async () => {
    renderClaim(CHECKER, [SUBMITTED]);
    expect(await actions()).toEqual(['审核通过', '退回修改', '不予批准']);
    expect(screen.getAllByText('321.50 元')).not.toHaveLength(0);
  });
});
