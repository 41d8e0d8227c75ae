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
  type AwardPreviewDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { NewAwardApplicationPage } from './NewAwardApplicationPage';

const FACTS = {
  type: BenefitType.DemonstrationHouseholdAward,
  assessmentDate: '2026-12-02',
  salesYear: 2025,
  policyVersionId: 'p0000000-0000-0000-0000-000000000001',
  holdsAwardOfType: false,
  beneficiaryStatus: 'Active',
  shops: [
    { shopId: 's1', shopName: '张记农家土货', net: 120_000.5 },
    { shopId: 's2', shopName: '张记竹编', net: 42_054.28 },
  ],
  totalSales: 162_054.78,
};

const PREVIEW: AwardPreviewDto = {
  type: BenefitType.DemonstrationHouseholdAward,
  beneficiaryId: PERSON.id,
  beneficiaryName: PERSON.name,
  facts: FACTS,
  decision: {
    eligible: true,
    amount: 10_000,
    assessmentDate: '2026-12-02',
    policyVersionId: FACTS.policyVersionId,
    criteria: [
      {
        code: 'award.policy_in_force',
        description: 'The award parameters are in force.',
        required: 'a version in force on 2026-12-02',
        actual: 'in force',
        met: true,
      },
      {
        code: 'award.person_active',
        description: 'Active.',
        required: 'active',
        actual: 'Active',
        met: true,
      },
      {
        code: 'award.previous_year_sales',
        description: 'Sales.',
        required: '>= 100000.00 in 2025',
        actual: '162054.78 over 2 shop(s)',
        met: true,
      },
      {
        code: 'award.not_already_held',
        description: 'Once.',
        required: 'no approved or paid award of this type',
        actual: 'none',
        met: true,
      },
      { code: 'award.amount', description: 'Grant.', required: '10000.00', actual: '10000.00', met: true },
    ],
  },
};

const INELIGIBLE: AwardPreviewDto = {
  ...PREVIEW,
  facts: { ...FACTS, shops: [{ shopId: 's1', shopName: '张记农家土货', net: 80_000 }], totalSales: 80_000 },
  decision: {
    ...PREVIEW.decision,
    eligible: false,
    amount: 0,
    criteria: PREVIEW.decision.criteria.map((criterion) =>
      criterion.code === 'award.previous_year_sales'
        ? { ...criterion, actual: '80000.00 over 1 shop(s)', met: false }
        : criterion.code === 'award.amount'
          ? { ...criterion, actual: '0.00', met: false }
          : criterion,
    ),
  },
};

const DRAFT: AwardApplicationDto = {
  id: 'aa000000-0000-0000-0000-000000000001',
  type: BenefitType.DemonstrationHouseholdAward,
  beneficiaryKind: BeneficiaryKind.Person,
  beneficiaryId: PERSON.id,
  beneficiaryName: PERSON.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  liveFacts: FACTS,
  benefit: {
    id: 'aa000000-0000-0000-0000-000000000001',
    type: BenefitType.DemonstrationHouseholdAward,
    countyId: WULING.countyId!,
    personId: PERSON.id,
    state: BenefitState.Draft,
    isFinallyApproved: false,
    level: BenefitLevel.County,
    requiresCityApproval: false,
    requiresPublicNotice: true,
    liveDecision: PREVIEW.decision,
    decisionChanged: false,
    createdById: WULING.id,
    objections: [],
    transitions: [],
    version: 1,
  },
  version: 1,
};

function renderWizard(path: string, preview: AwardPreviewDto = PREVIEW) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/awards/preview': jsonResponse(200, preview),
    'POST /api/awards/applications': jsonResponse(201, DRAFT),
    [`POST /api/benefits/${DRAFT.id}/submission`]: jsonResponse(200, {
      ...DRAFT.benefit,
      state: BenefitState.Submitted,
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  const view = renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: [
          { path: '/awards/new', element: <NewAwardApplicationPage /> },
          { path: '/awards/applications/:id', element: <h1>application page</h1> },
        ],
      },
    ],
    path,
  );
  return { api, router: view.router };
}

const PREVIEW_PATH = `/awards/new?type=DemonstrationHouseholdAward&beneficiaryId=${PERSON.id}`;

describe('NewAwardApplicationPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('walks from the award to the beneficiary, naming each award with who approves and pays it', async () => {
    renderWizard('/awards/new');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: '第 1 步，共 3 步：选择奖补类型' }, { timeout: 5000 });
    expect(screen.getByRole('button', { name: '下一步' })).toBeDisabled();
    const base = screen.getByRole('radio', { name: /市级阳光扶贫示范基地/ });
    expect(base.closest('label')).toHaveTextContent('由区县审核、公示后报市残联批准，从市级资金中发放。');
    await user.click(screen.getByRole('radio', { name: /县级阳光致富示范户/ }));
    await user.click(screen.getByRole('button', { name: '下一步' }));
    const next = await screen.findByRole('heading', { level: 2, name: '第 2 步，共 3 步：选择申请对象' });
    // The new step's heading takes the focus the vanished button had.
    expect(next).toHaveFocus();
    expect(screen.getByRole('combobox', { name: '申请人' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一步' })).toBeDisabled();
  });

  it('shows the live decision criterion by criterion, with the facts behind it, before anything is created', async () => {
    const { api } = renderWizard(PREVIEW_PATH);
    const criteria = within(
      await screen.findByRole('region', { name: '按当前信息预审的结果，逐项说明' }, { timeout: 5000 }),
    );
    expect(criteria.getByText('申请人网店上一自然年度的净销售额达到门槛')).toBeInTheDocument();
    expect(criteria.getByText('>= 100000.00 in 2025')).toBeInTheDocument();
    expect(criteria.getAllByText('符合')).toHaveLength(5);
    expect(screen.getByText('符合条件')).toBeInTheDocument();
    expect(screen.getByText('10,000.00 元')).toBeInTheDocument();
    const facts = within(screen.getByRole('region', { name: '按今天的数据计算的事实' }));
    expect(facts.getByRole('cell', { name: '网店：张记农家土货' })).toBeInTheDocument();
    expect(facts.getByRole('cell', { name: '120,000.50 元' })).toBeInTheDocument();
    expect(facts.getByRole('cell', { name: '162,054.78 元' })).toBeInTheDocument();
    expect(facts.getByRole('cell', { name: '2025 年' })).toBeInTheDocument();
    expect(api.requests.filter((request) => request.init?.method === 'POST')).toEqual([]);
    expect(api.requests.find((request) => request.url.pathname === '/api/awards/preview')?.url.search).toBe(
      `?type=DemonstrationHouseholdAward&beneficiaryId=${PERSON.id}`,
    );
  });

  it('creates the draft, submits it, and opens it', async () => {
    const { api, router } = renderWizard(PREVIEW_PATH);
    const user = userEvent.setup();
    await screen.findByRole('region', { name: '按当前信息预审的结果，逐项说明' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: '创建并提交审核' }));
    await screen.findByRole('heading', { level: 1, name: 'application page' });
    const posts = api.requests.filter((request) => request.init?.method === 'POST');
    expect(posts.map((request) => request.url.pathname)).toEqual([
      '/api/awards/applications',
      `/api/benefits/${DRAFT.id}/submission`,
    ]);
    expect(posts[0].body).toEqual({ type: BenefitType.DemonstrationHouseholdAward, beneficiaryId: PERSON.id });
    expect(router.state.location.pathname).toBe(`/awards/applications/${DRAFT.id}`);
  });

  it('says why an ineligible application cannot be submitted, and offers only a draft', async () => {
    const { api } = renderWizard(PREVIEW_PATH, INELIGIBLE);
    const user = userEvent.setup();
    const criteria = within(
      await screen.findByRole('region', { name: '按当前信息预审的结果，逐项说明' }, { timeout: 5000 }),
    );
    expect(criteria.getAllByText('不符合')).toHaveLength(2);
    expect(screen.getByText('按当前信息不符合条件')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '创建并提交审核' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '保存为草稿' }));
    await screen.findByRole('heading', { level: 1, name: 'application page' });
    expect(
      api.requests.filter((request) => request.init?.method === 'POST').map((request) => request.url.pathname),
    ).toEqual(['/api/awards/applications']);
  });
});
