import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenefitLevel, BenefitState, BenefitType, type CurrentUserDto, type TrainingClaimDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { TrainingClaimDetailPage } from './TrainingClaimDetailPage';

const CHECKER: CurrentUserDto = { ...WULING, id: 'c0ffee00-0000-0000-0000-000000000002', userName: 'wuling2' };

const DECISION = {
  eligible: true,
  amount: 800,
  assessmentDate: '2019-03-20',
  criteria: [
    { code: 'training.amount', description: 'Amount.', required: 'min(1200.00, 800.00)', actual: '800.00', met: true },
  ],
};

const CLAIM: TrainingClaimDto = {
  id: 'd0000000-0000-0000-0000-000000000001',
  personId: PERSON.id,
  personName: PERSON.name,
  countyId: WULING.countyId!,
  providerName: '常德市某电商培训学校',
  courseName: '电子商务师培训',
  trainingStart: '2019-03-01',
  trainingEnd: '2019-03-10',
  feePaid: 800,
  feeCharging: true,
  receiptNumber: 'SJ-1',
  qualificationCode: 'SAMPLE-EC-4',
  certificateNumber: 'ZS-1',
  certificateDate: '2019-03-20',
  issuingAuthority: '常德市人社局',
  benefit: {
    id: 'd0000000-0000-0000-0000-000000000001',
    type: BenefitType.TrainingSubsidy,
    countyId: WULING.countyId!,
    personId: PERSON.id,
    state: BenefitState.Submitted,
    isFinallyApproved: false,
    level: BenefitLevel.County,
    requiresCityApproval: false,
    requiresPublicNotice: false,
    decision: DECISION,
    liveDecision: DECISION,
    decisionChanged: false,
    createdById: WULING.id,
    submittedById: WULING.id,
    submittedAt: '2026-11-29T10:00:00Z',
    objections: [],
    transitions: [
      {
        action: 'submit',
        from: BenefitState.Draft,
        to: BenefitState.Submitted,
        actorId: WULING.id,
        at: '2026-11-29T10:00:00Z',
      },
    ],
    version: 3,
  },
  attachments: [],
  version: 3,
};

const CHANGED: TrainingClaimDto = {
  ...CLAIM,
  benefit: { ...CLAIM.benefit, decisionChanged: true, liveDecision: { ...DECISION, eligible: false, amount: 0 } },
};

const problem = (status: number, code: string) =>
  jsonResponse(status, { status, title: 'Problem', code }, 'application/problem+json');

function renderClaim(user: CurrentUserDto, claims: TrainingClaimDto[], routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/policies/training-qualifications': jsonResponse(200, { on: '2019-03-20', qualifications: [] }),
    [`GET /api/training-claims/${CLAIM.id}`]: () => jsonResponse(200, claims.length > 1 ? claims.shift() : claims[0]),
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
        children: [{ path: '/training-claims/:id', element: <TrainingClaimDetailPage /> }],
      },
    ],
    `/training-claims/${CLAIM.id}`,
  );
  return api;
}

async function actions(): Promise<string[]> {
  const status = await screen.findByRole('heading', { level: 2, name: '办理情况' });
  const card = status.closest('.ant-card') as HTMLElement;
  return within(card)
    .queryAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('claim actions', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers the submitter withdrawal but never the approval of their own claim', async () => {
    renderClaim(WULING, [CLAIM]);
    expect(await actions()).toEqual(['撤回申请']);
  });

  it('offers another county officer approval, return and rejection', async () => {
    renderClaim(CHECKER, [CLAIM]);
    expect(await actions()).toEqual(['审核通过', '退回修改', '不予批准']);
  });

  it('explains a decision that changed since submission, and shows the changed decision', async () => {
    const api = renderClaim(CHECKER, [CLAIM, CHANGED], {
      [`POST /api/benefits/${CLAIM.id}/county-review`]: problem(409, 'benefit.decision_changed'),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '审核通过' }));
    const dialog = await screen.findByRole('dialog', { name: `审核通过：${PERSON.name}的培训补贴申请` });
    await user.click(within(dialog).getByRole('button', { name: '审核通过' }));

    expect(
      await within(dialog).findByText('提交后申请信息或政策已变化，决定会有不同，暂不能审核。须由提交人重新提交。'),
    ).toBeInTheDocument();
    expect(await screen.findByText('提交后情况有变化，决定已不同')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '现时的决定，逐项说明' })).toBeInTheDocument();
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({});
  });

  it('offers the submitter re-submission of a changed decision', async () => {
    const api = renderClaim(WULING, [CHANGED], {
      [`POST /api/benefits/${CLAIM.id}/resubmission`]: jsonResponse(200, CLAIM.benefit),
    });
    expect(await actions()).toEqual(['重新提交', '撤回申请']);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '重新提交' }));
    const dialog = await screen.findByRole('dialog', { name: `重新提交：${PERSON.name}的培训补贴申请` });
    await user.type(within(dialog).getByRole('textbox', { name: '意见（选填）' }), ' 已更正收据 ');
    await user.click(within(dialog).getByRole('button', { name: '重新提交' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({ comment: '已更正收据' }),
    );
  });

  it('asks for a reason before returning a claim', async () => {
    const api = renderClaim(CHECKER, [CLAIM]);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '退回修改' }));
    const dialog = await screen.findByRole('dialog', { name: `退回修改：${PERSON.name}的培训补贴申请` });
    await user.click(within(dialog).getByRole('button', { name: '退回修改' }));
    expect(await within(dialog).findByText('请填写理由')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });
});
