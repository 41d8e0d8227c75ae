import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AnnualSummaryStanding,
  PeriodKind,
  type AnnualSummaryCompilationDto,
  type AnnualSummaryDto,
  type AnnualSummaryRoundDto,
} from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { DEFINITIONS, DINGCHENG, TABLE, WULING_REF } from '../statistics/fixtures';
import { AnnualSummaryPage } from './AnnualSummaryPage';
import { AnnualSummaryRoundPage } from './AnnualSummaryRoundPage';
import { AnnualSummaryRoundsPage } from './AnnualSummaryRoundsPage';
import { summaryActions } from './useAnnualSummaries';

const ROUND_ID = 'a5000000-0000-0000-0000-000000002025';

const ROUND: AnnualSummaryRoundDto = {
  id: ROUND_ID,
  year: 2025,
  dueDate: '2025-11-05',
  dataCutOff: '2025-10-31',
  version: 3,
  counties: [
    {
      countyId: WULING_REF.id,
      countyName: '武陵区',
      standing: AnnualSummaryStanding.Submitted,
      isLate: true,
      submittedAt: '2025-11-06T02:00:00Z',
    },
    { countyId: DINGCHENG.id, countyName: '鼎城区', standing: AnnualSummaryStanding.Overdue, isLate: false },
  ],
};

/** The round as the county officer sees it: their county alone. */
const COUNTY_ROUND: AnnualSummaryRoundDto = { ...ROUND, counties: [ROUND.counties[0]] };

const SNAPSHOT = {
  ...TABLE,
  period: { kind: PeriodKind.Custom, from: '2025-01-01', to: '2025-10-31' },
  cityWide: false,
  counties: [WULING_REF],
  rows: TABLE.rows.map((row) => ({ ...row, total: row.byCounty[0].value, byCounty: [row.byCounty[0]] })),
};

const DUE: AnnualSummaryDto = {
  roundId: ROUND_ID,
  year: 2025,
  countyId: WULING_REF.id,
  countyName: '武陵区',
  dueDate: '2025-11-05',
  dataCutOff: '2025-10-31',
  standing: AnnualSummaryStanding.Due,
  isLate: false,
  achievements: '',
  typicalCases: '',
  problems: '',
  nextYearPlan: '',
};

const SUBMITTED: AnnualSummaryDto = {
  ...DUE,
  standing: AnnualSummaryStanding.Submitted,
  isLate: true,
  achievements: '培训残疾人 37 人',
  nextYearPlan: '新开网店 10 家',
  submittedAt: '2025-11-06T02:00:00Z',
  snapshot: SNAPSHOT,
  version: 5,
};

const COMPILATION: AnnualSummaryCompilationDto = {
  roundId: ROUND_ID,
  year: 2025,
  dataCutOff: '2025-10-31',
  counties: ROUND.counties,
  rows: TABLE.rows.map((row) => ({
    ...row,
    total: row.byCounty[0].value,
    byCounty: [row.byCounty[0], { countyId: DINGCHENG.id, value: 0 }],
  })),
};

const SUMMARY_PATH = `/api/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`;

function renderAt(path: string, user = WULING, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/statistics/indicators': jsonResponse(200, DEFINITIONS),
    'GET /api/annual-summaries': jsonResponse(200, user.countyId ? [COUNTY_ROUND] : [ROUND]),
    [`GET /api/annual-summaries/${ROUND_ID}/compilation`]: jsonResponse(200, COMPILATION),
    [`GET ${SUMMARY_PATH}`]: jsonResponse(200, DUE),
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
          { path: '/annual-summaries', element: <AnnualSummaryRoundsPage /> },
          { path: '/annual-summaries/:roundId', element: <AnnualSummaryRoundPage /> },
          { path: '/annual-summaries/:roundId/counties/:countyId', element: <AnnualSummaryPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

const requestsTo = (api: ReturnType<typeof fakeApi>, method: string, pathname: string) =>
  api.requests.filter((request) => (request.init?.method ?? 'GET') === method && request.url.pathname === pathname);

describe('what an officer may do with a summary', () => {
  it.each([
    [AnnualSummaryStanding.Due, 'county', ['write']],
    [AnnualSummaryStanding.Draft, 'county', ['write']],
    [AnnualSummaryStanding.Returned, 'county', ['write']],
    [AnnualSummaryStanding.Overdue, 'county', ['write']],
    [AnnualSummaryStanding.Submitted, 'county', []],
    [AnnualSummaryStanding.Draft, 'city', []],
    [AnnualSummaryStanding.Submitted, 'city', ['return']],
  ] as const)('%s as the %s officer: %j', (standing, who, expected) => {
    expect(summaryActions({ ...DUE, standing }, who === 'city' ? CITY : WULING)).toEqual(expected);
  });

  it('lets a county officer write their own county only', () => {
    expect(summaryActions({ ...DUE, countyId: DINGCHENG.id }, WULING)).toEqual([]);
  });
});

describe('annual summary rounds', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('takes a county officer from the list straight to their county’s summary, late submission marked', async () => {
    renderAt('/annual-summaries');
    const link = await screen.findByRole('link', { name: '2025年度工作总结' }, { timeout: 5000 });
    expect(link).toHaveAttribute('href', `/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`);
    const row = within(link.closest('tr')!);
    expect(row.getByText('已报送')).toBeInTheDocument();
    expect(row.getByText('逾期提交')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /开启年度总结/ })).not.toBeInTheDocument();
  });

  it('lets the city open a year’s round, the due date left to the 5 November default', async () => {
    const created: AnnualSummaryRoundDto = { ...ROUND, id: 'a5000000-0000-0000-0000-000000002024', year: 2024 };
    const api = renderAt('/annual-summaries', CITY, {
      'POST /api/annual-summaries': jsonResponse(201, created),
    });
    const user = userEvent.setup();
    const row = within(
      (await screen.findByRole('link', { name: '2025年度工作总结' }, { timeout: 5000 })).closest('tr')!,
    );
    expect(row.getByRole('link', { name: '2025年度工作总结' })).toHaveAttribute(
      'href',
      `/annual-summaries/${ROUND_ID}`,
    );
    expect(row.getByText('逾期未报')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /开启年度总结/ }));
    const dialog = await screen.findByRole('dialog', { name: '开启年度总结' });
    const year = within(dialog).getByRole('spinbutton', { name: '年度' });
    await user.clear(year);
    await user.type(year, '2024');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('请选择数据截止日期')).toBeInTheDocument();
    expect(within(dialog).getByText('留空则为 2024-11-05。')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '数据截止日期' }), '2024-10-31{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    await waitFor(() =>
      expect(requestsTo(api, 'POST', '/api/annual-summaries')[0]?.body).toEqual({
        year: 2024,
        dataCutOff: '2024-10-31',
      }),
    );
  });

  it('shows the city each county’s standing, the compilation and exports it as XLSX', async () => {
    const createObjectURL = vi.fn(() => 'blob:annual-summary');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const api = renderAt(`/annual-summaries/${ROUND_ID}`, CITY, {
      [`GET /api/annual-summaries/${ROUND_ID}/compilation/export`]: new Response('PK', {
        status: 200,
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'Content-Disposition': "attachment; filename*=UTF-8''2025%E5%B9%B4.xlsx",
        },
      }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: '2025年度工作总结' }, { timeout: 5000 })).toBeVisible();
    const counties = within(screen.getByRole('region', { name: '各区县年度工作总结的状态和报送时间' }));
    const wuling = within(counties.getByRole('link', { name: '武陵区年度工作总结' }).closest('tr')!);
    expect(wuling.getByText('已报送')).toBeInTheDocument();
    expect(wuling.getByText('逾期提交')).toBeInTheDocument();
    expect(counties.getByRole('link', { name: '鼎城区年度工作总结' })).toHaveAttribute(
      'href',
      `/annual-summaries/${ROUND_ID}/counties/${DINGCHENG.id}`,
    );
    // The compilation: a column per county and the total over the submitted ones.
    const training = within(await screen.findByRole('region', { name: '培训' }));
    const trainingRow = within((await training.findByText('培训残疾人数')).closest('tr')!);
    expect(trainingRow.getAllByText('37')).toHaveLength(2);

    await userEvent.setup().click(screen.getByRole('button', { name: /导出汇总 XLSX/ }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(requestsTo(api, 'GET', `/api/annual-summaries/${ROUND_ID}/compilation/export`)).toHaveLength(1);
  });

  it('sends a county officer who opens a round to their county’s summary', async () => {
    renderAt(`/annual-summaries/${ROUND_ID}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: '武陵区2025年度工作总结' }, { timeout: 5000 }),
    ).toBeVisible();
  });
});

describe('a county’s annual summary', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('saves the sections: the first save starts the summary, the next sends its version in If-Match', async () => {
    let current = DUE;
    const api = renderAt(`/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`, WULING, {
      [`GET ${SUMMARY_PATH}`]: () => jsonResponse(200, current),
      [`PUT ${SUMMARY_PATH}`]: (request) => {
        current = {
          ...current,
          ...(request.body as object),
          standing: AnnualSummaryStanding.Draft,
          version: (current.version ?? 0) + 1,
        };
        return jsonResponse(200, current);
      },
    });
    const user = userEvent.setup();
    const achievements = await screen.findByRole('textbox', { name: '主要成绩' }, { timeout: 5000 });
    expect(achievements).toHaveAttribute('maxlength', '20000');
    await user.type(achievements, '培训残疾人 37 人');
    await user.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(requestsTo(api, 'PUT', SUMMARY_PATH)).toHaveLength(1));
    const first = requestsTo(api, 'PUT', SUMMARY_PATH)[0];
    expect(first.body).toEqual({ achievements: '培训残疾人 37 人', typicalCases: '', problems: '', nextYearPlan: '' });
    // The generated client sends an empty If-Match when there is no version; the API reads it as none.
    expect(new Headers(first.init?.headers).get('If-Match') ?? '').toBe('');
    expect(await screen.findByText('草稿')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: '存在问题' }), '物流成本高');
    await user.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(requestsTo(api, 'PUT', SUMMARY_PATH)).toHaveLength(2));
    const second = requestsTo(api, 'PUT', SUMMARY_PATH)[1];
    expect(new Headers(second.init?.headers).get('If-Match')).toBe('"1"');
    expect(second.body).toMatchObject({ problems: '物流成本高' });
  });

  it('asks for the required sections before submitting, then saves, submits and shows the frozen indicators', async () => {
    let current = DUE;
    const api = renderAt(`/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`, WULING, {
      [`GET ${SUMMARY_PATH}`]: () => jsonResponse(200, current),
      [`PUT ${SUMMARY_PATH}`]: (request) => {
        current = { ...DUE, ...(request.body as object), standing: AnnualSummaryStanding.Draft, version: 1 };
        return jsonResponse(200, current);
      },
      [`POST ${SUMMARY_PATH}/submission`]: () => {
        current = SUBMITTED;
        return jsonResponse(200, current);
      },
    });
    const user = userEvent.setup();
    const achievements = await screen.findByRole('textbox', { name: '主要成绩' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: /报送/ }));
    expect(await screen.findAllByText('报送前请填写此部分')).toHaveLength(2);
    expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(false);

    await user.type(achievements, '培训残疾人 37 人');
    await user.type(screen.getByRole('textbox', { name: '下年度计划' }), '新开网店 10 家');
    await user.click(screen.getByRole('button', { name: /报送/ }));
    const confirm = await screen.findByRole('dialog', { name: '报送年度工作总结？' });
    expect(within(confirm).getByText(/截至 2025-10-31 的指标将被冻结/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '报送' }));

    await waitFor(() => expect(requestsTo(api, 'POST', `${SUMMARY_PATH}/submission`)).toHaveLength(1));
    expect(requestsTo(api, 'PUT', SUMMARY_PATH)[0].body).toMatchObject({
      achievements: '培训残疾人 37 人',
      nextYearPlan: '新开网店 10 家',
    });
    expect(
      await screen.findByRole('heading', { level: 2, name: '报送时冻结的指标（数据截至 2025-10-31）' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '主要成绩' })).not.toBeInTheDocument();
    expect(screen.getByText('培训残疾人 37 人')).toBeInTheDocument();
    expect(screen.getAllByText('逾期提交').length).toBeGreaterThan(0);
  });

  it('shows why the API refused a submission', async () => {
    renderAt(`/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`, WULING, {
      [`GET ${SUMMARY_PATH}`]: jsonResponse(200, { ...DUE, achievements: '成绩', nextYearPlan: '计划', version: 2 }),
      [`PUT ${SUMMARY_PATH}`]: (request) => jsonResponse(200, { ...DUE, ...(request.body as object), version: 3 }),
      [`POST ${SUMMARY_PATH}/submission`]: jsonResponse(
        422,
        {
          status: 422,
          title: 'Unprocessable Content',
          code: 'annual_summary.before_cutoff',
          fieldErrors: [{ field: 'dataCutOff', code: 'annual_summary.before_cutoff', message: 'after the cut-off' }],
          traceId: 't1',
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await screen.findByRole('textbox', { name: '主要成绩' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: /报送/ }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '报送' }));
    expect((await screen.findAllByText('数据截止日期之后才能报送总结。')).length).toBeGreaterThan(0);
  });

  it('shows the county the reason its summary was returned, and lets it write again', async () => {
    renderAt(`/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`, WULING, {
      [`GET ${SUMMARY_PATH}`]: jsonResponse(200, {
        ...SUBMITTED,
        standing: AnnualSummaryStanding.Returned,
        snapshot: undefined,
        returnReason: '请补充典型经验',
      }),
    });
    expect(await screen.findByText('市残联已退回本总结，请修改后重新报送', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('退回原因：请补充典型经验')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '主要成绩' })).toHaveValue('培训残疾人 37 人');
  });

  it('lets the city return a submitted summary with a reason', async () => {
    let current = SUBMITTED;
    const api = renderAt(`/annual-summaries/${ROUND_ID}/counties/${WULING_REF.id}`, CITY, {
      [`GET ${SUMMARY_PATH}`]: () => jsonResponse(200, current),
      [`POST ${SUMMARY_PATH}/return`]: () => {
        current = { ...SUBMITTED, standing: AnnualSummaryStanding.Returned, returnReason: '请补充典型经验' };
        return jsonResponse(200, current);
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /退回/ }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: '退回年度工作总结：武陵区' });
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '退回原因' }), '  请补充典型经验 ');
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() =>
      expect(requestsTo(api, 'POST', `${SUMMARY_PATH}/return`)[0]?.body).toEqual({ reason: '请补充典型经验' }),
    );
    expect(await screen.findByText('已退回')).toBeInTheDocument();
  });
});
