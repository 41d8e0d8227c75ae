import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenefitState, BenefitType, type BenefitListItemDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { InterestClaimsPage } from './InterestClaimsPage';

const CLAIM: BenefitListItemDto = {
  id: 'f6000000-0000-0000-0000-000000000001',
  type: BenefitType.LoanInterestSubsidy,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  personId: PERSON.id,
  personName: PERSON.name,
  state: BenefitState.Submitted,
  isFinallyApproved: false,
  amount: 321.5,
  submittedAt: '2026-11-29T10:00:00Z',
};

describe('InterestClaimsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the interest subsidy claims to work on, by state, each opening its page', async () => {
    const api = fakeApi({
      'GET /api/auth/me': jsonResponse(200, WULING),
      'GET /api/regions': jsonResponse(200, REGIONS),
      'GET /api/benefits': jsonResponse(200, { items: [CLAIM], page: 1, pageSize: 20, totalCount: 1 }),
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
          children: [{ path: '/interest-claims', element: <InterestClaimsPage /> }],
        },
      ],
      '/interest-claims',
    );
    const link = await screen.findByRole('link', { name: PERSON.name }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', `/interest-claims/${CLAIM.id}`);
    const row = within(link.closest('tr')!);
    expect(row.getByText('已提交')).toBeInTheDocument();
    expect(row.getByText('321.50')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '办理状态' }));
    await user.click(await screen.findByTitle('已提交'));
    await user.click(screen.getByRole('button', { name: '查询' }));
    await vi.waitFor(() => {
      const last = api.requests.filter((request) => request.url.pathname === '/api/benefits').at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toMatchObject({
        Type: BenefitType.LoanInterestSubsidy,
        State: BenefitState.Submitted,
      });
    });
  });
});
