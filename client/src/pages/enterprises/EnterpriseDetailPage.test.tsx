import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AgreementStatus,
  EnterpriseRoles,
  HoursType,
  JobCategory,
  RecordSource,
  type CurrentUserDto,
  type EmploymentRecordDto,
  type EnterpriseDto,
  type EnterpriseEvidenceDto,
  type SupplyAgreementDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { EnterpriseDetailPage } from './EnterpriseDetailPage';

const ENTERPRISE: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000002',
  name: '武陵电商产业园',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  countyName: '武陵区',
  roles: [EnterpriseRoles.EcommercePark, EnterpriseRoles.ThirdPartyServiceProvider],
  contactName: '王经理',
  contactPhone: '0736-7251234',
  runByPersonId: PERSON.id,
  runByPersonName: PERSON.name,
  version: 5,
};

const AGREEMENT: SupplyAgreementDto = {
  id: 'a2000000-0000-0000-0000-000000000001',
  enterpriseId: ENTERPRISE.id,
  enterpriseName: ENTERPRISE.name,
  baseId: 'b1000000-0000-0000-0000-000000000001',
  baseName: '柳叶湖阳光基地',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  startDate: '2024-01-01',
  products: '柑橘',
  status: AgreementStatus.Active,
  version: 1,
};

const EMPLOYMENT: EmploymentRecordDto = {
  id: 'c3000000-0000-0000-0000-000000000001',
  enterpriseId: ENTERPRISE.id,
  enterpriseName: ENTERPRISE.name,
  personId: PERSON.id,
  personName: PERSON.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  jobCategory: JobCategory.CustomerService,
  hoursType: HoursType.Flexible,
  startDate: '2024-03-01',
  source: RecordSource.Partner,
  version: 1,
};

function evidence(date: string, year: number): EnterpriseEvidenceDto {
  return {
    enterpriseId: ENTERPRISE.id,
    date,
    basesWithActiveAgreements: 2,
    disabledEmployees: 3,
    year,
    stableLinkMonths: 6,
    stablyLinkedHouseholds: year === 2023 ? 7 : 4,
  };
}

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderEnterprise(user: CurrentUserDto = WULING) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    [`GET /api/enterprises/${ENTERPRISE.id}`]: jsonResponse(200, ENTERPRISE),
    [`GET /api/enterprises/${ENTERPRISE.id}/evidence`]: ({ url }) =>
      jsonResponse(200, evidence(url.searchParams.get('date')!, Number(url.searchParams.get('year')))),
    'GET /api/supply-agreements': paged([AGREEMENT]),
    'GET /api/employment': paged([EMPLOYMENT]),
    'GET /api/benefit-links': paged([]),
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
        children: [{ path: '/enterprises/:id', element: <EnterpriseDetailPage /> }],
      },
    ],
    `/enterprises/${ENTERPRISE.id}`,
  );
  await screen.findByRole('heading', { level: 1, name: `企业：${ENTERPRISE.name}` }, { timeout: 5000 });
  return api;
}

/** The figure shown under a count's label. */
async function figure(label: string): Promise<string | null> {
  const term = await screen.findByText(label, { selector: 'dt' });
  return term.parentElement!.querySelector('.evidence-figure')!.textContent;
}

describe('EnterpriseDetailPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the profile: contact, roles and the disabled person who runs it', async () => {
    await renderEnterprise();
    expect(screen.getByText('第三方服务机构')).toBeInTheDocument();
    expect(screen.getByText('王经理')).toBeInTheDocument();
    expect(screen.getByText('0736-7251234')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: PERSON.name })[0]).toHaveAttribute('href', `/persons/${PERSON.id}`);
    expect(screen.getByRole('button', { name: '编辑' })).toBeInTheDocument();
  });

  it('counts the evidence on today and for last year, each figure with its definition', async () => {
    const api = await renderEnterprise();
    const today = dayjs().format('YYYY-MM-DD');
    const lastYear = dayjs().year() - 1;
    expect(await figure('有有效协议的阳光基地')).toBe('2');
    expect(await figure('吸纳就业的残疾人')).toBe('3');
    expect(await figure('稳定带动的残疾人家庭')).toBe(lastYear === 2023 ? '7' : '4');
    expect(
      screen.getByText(`${today} 与该企业有有效直采直供协议的阳光就业扶贫基地数（不同基地各计一次，含所有区县）。`),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `${lastYear} 年中至少 6 个月有该企业产品代销或保护价收购金额记录的残疾人家庭数（同一家庭只计一次）。`,
      ),
    ).toBeInTheDocument();
    const request = api.requests.find((candidate) => candidate.url.pathname.endsWith('/evidence'))!;
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ date: today, year: String(lastYear) });
  });

  it('counts again for the date and year chosen', async () => {
    const api = await renderEnterprise();
    await figure('有有效协议的阳光基地');
    const user = userEvent.setup();
    const date = screen.getByRole('textbox', { name: '统计日期' });
    await user.clear(date);
    await user.type(date, '2024-06-30{Enter}');
    const year = screen.getByRole('textbox', { name: '统计年度' });
    await user.clear(year);
    await user.type(year, '2023{Enter}');
    await user.click(screen.getByRole('button', { name: '统计' }));

    expect(await screen.findByText(/^2023 年中至少 6 个月/)).toBeInTheDocument();
    expect(await figure('稳定带动的残疾人家庭')).toBe('7');
    const last = api.requests.filter((candidate) => candidate.url.pathname.endsWith('/evidence')).at(-1)!;
    expect(Object.fromEntries(last.url.searchParams)).toEqual({ date: '2024-06-30', year: '2023' });
  });

  it("lists the enterprise's agreements and employment in tabs, asking only for its records", async () => {
    const api = await renderEnterprise();
    // By label rather than role: computing every role of a page this size is slow.
    const agreements = await screen.findByLabelText(`${ENTERPRISE.name}的直采直供协议，最新的在前`);
    expect(within(agreements).getByText('基地：柳叶湖阳光基地')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: '吸纳就业' }));
    const employment = await screen.findByLabelText(`${ENTERPRISE.name}吸纳的残疾人就业，最新的在前`);
    const row = within(within(employment).getByRole('link', { name: PERSON.name }).closest('tr')!);
    expect(row.getByText('客服')).toBeInTheDocument();
    expect(row.getByText('灵活就业（含居家就业）')).toBeInTheDocument();
    expect(row.getByText('平台报送')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        api.requests
          .filter((request) => ['/api/supply-agreements', '/api/employment'].includes(request.url.pathname))
          .map((request) => request.url.searchParams.get('EnterpriseId')),
      ).toEqual([ENTERPRISE.id, ENTERPRISE.id]),
    );
  });
});
