import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttachmentKind, WorkPlanStatus, type WorkPlanFilingDto, type WorkPlanRoundDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { filingActions } from './useWorkPlans';
import { WorkPlanRoundDetailPage } from './WorkPlanRoundDetailPage';
import { WorkPlanRoundsPage } from './WorkPlanRoundsPage';

const DOCUMENT = {
  id: 'a7000000-0000-0000-0000-000000000001',
  kind: AttachmentKind.WorkPlan,
  fileName: '武陵区工作方案.docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  size: 20480,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-03-01T02:00:00Z',
};

const FILING: WorkPlanFilingDto = {
  id: 'f7000000-0000-0000-0000-000000000001',
  roundId: 'e7000000-0000-0000-0000-000000000001',
  roundTitle: '2026年工作方案备案',
  deadline: '2026-04-30',
  countyId: WULING.countyId!,
  countyCode: '430702',
  countyName: '武陵区',
  status: WorkPlanStatus.Due,
  submittedLate: false,
};

function round(filings: WorkPlanFilingDto[]): WorkPlanRoundDto {
  return {
    id: FILING.roundId,
    programmeId: 'p7000000-0000-0000-0000-000000000001',
    programmeName: '常德市电子商务助残扶贫工程（2017-2020年）',
    title: FILING.roundTitle,
    deadline: FILING.deadline,
    pastDeadline: false,
    counts: { due: 1, submitted: 0, filed: 0, returned: 0, overdue: 0, total: filings.length },
    filings,
    version: 4,
  };
}

async function renderAt(path: string, user = WULING, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/work-plans/rounds': jsonResponse(200, {
      items: [{ ...round([FILING]), filings: undefined }],
      page: 1,
      pageSize: 20,
      totalCount: 1,
    }),
    [`GET /api/work-plans/rounds/${FILING.roundId}`]: jsonResponse(200, round([FILING])),
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
          { path: '/work-plans', element: <WorkPlanRoundsPage /> },
          { path: '/work-plans/:id', element: <WorkPlanRoundDetailPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

/**
 * Row buttons are found by their accessible names given with aria-label: role queries over the
 * whole page (with AntD's Upload styles) are too slow in jsdom.
 */
function fileInput(): HTMLInputElement {
  return document.querySelector<HTMLInputElement>('input[type="file"]')!;
}

const AUDITOR = { ...CITY, roles: ['Auditor'], permissions: ['reference.read', 'programme.read', 'audit.read'] };
const USERS = { county: WULING, city: CITY, auditor: AUDITOR };

describe('what an officer may do with a filing', () => {
  it.each([
    [WorkPlanStatus.Due, false, 'county', ['upload']],
    [WorkPlanStatus.Due, true, 'county', ['upload', 'submit']],
    [WorkPlanStatus.Overdue, true, 'county', ['upload', 'submit']],
    [WorkPlanStatus.Returned, true, 'county', ['upload', 'submit']],
    [WorkPlanStatus.Submitted, true, 'county', []],
    [WorkPlanStatus.Filed, true, 'county', []],
    [WorkPlanStatus.Due, true, 'city', ['upload']],
    [WorkPlanStatus.Submitted, true, 'city', ['file', 'return']],
    [WorkPlanStatus.Filed, true, 'city', []],
    [WorkPlanStatus.Submitted, true, 'auditor', []],
  ] as const)('%s (document: %s) as the %s officer: %j', (status, withDocument, who, expected) => {
    const filing = { ...FILING, status, document: withDocument ? DOCUMENT : undefined };
    expect(filingActions(filing, USERS[who])).toEqual(expected);
  });
});

describe('work plan rounds', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the rounds with the county statuses counted, and offers no new round to a county', async () => {
    await renderAt('/work-plans');
    const row = within(
      (await screen.findByRole('link', { name: FILING.roundTitle }, { timeout: 5000 })).closest('tr')!,
    );
    expect(row.getByText('2026-04-30')).toBeInTheDocument();
    expect(row.getByText('待报送')).toBeInTheDocument();
    expect(screen.queryByText('新建备案轮次')).not.toBeInTheDocument();
  });

  it('uploads the county’s plan with the Upload button and then offers to submit it', async () => {
    let current = FILING;
    const api = await renderAt(`/work-plans/${FILING.roundId}`, WULING, {
      [`GET /api/work-plans/rounds/${FILING.roundId}`]: () => jsonResponse(200, round([current])),
      [`POST /api/work-plans/filings/${FILING.id}/document`]: () => {
        current = { ...FILING, document: DOCUMENT };
        return jsonResponse(200, current);
      },
    });
    const user = userEvent.setup();
    await screen.findByLabelText('上传方案：武陵区', {}, { timeout: 5000 });
    expect(screen.queryByLabelText('报送：武陵区')).not.toBeInTheDocument();

    await user.upload(fileInput(), new File(['%PDF-1.7'], '武陵区工作方案.pdf', { type: 'application/pdf' }));

    await waitFor(() => {
      const sent = api.requests.find((request) => request.init?.method === 'POST');
      expect((sent?.init?.body as FormData).get('file')).toBeInstanceOf(File);
    });
    expect(await screen.findByLabelText('报送：武陵区')).toBeInTheDocument();
    expect(screen.getByLabelText('重新上传：武陵区').tagName).toBe('BUTTON');
  });

  it('says which files a plan may be when the API refuses one by its content', async () => {
    await renderAt(`/work-plans/${FILING.roundId}`, WULING, {
      [`POST /api/work-plans/filings/${FILING.id}/document`]: jsonResponse(
        422,
        { status: 422, title: 'Unprocessable Content', code: 'attachment.type', traceId: 't1' },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await screen.findByLabelText('上传方案：武陵区', {}, { timeout: 5000 });
    await user.upload(fileInput(), new File(['MZ'], 'plan.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText(/只能上传 PDF 或 Word（DOCX）文件/)).toBeInTheDocument();
  });

  it('refuses a file over 20 MB before sending it', async () => {
    const api = await renderAt(`/work-plans/${FILING.roundId}`);
    const user = userEvent.setup();
    await screen.findByLabelText('上传方案：武陵区', {}, { timeout: 5000 });
    const big = new File(['%PDF-'], 'plan.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 20 * 1024 * 1024 + 1 });
    await user.upload(fileInput(), big);
    expect(await screen.findByText('方案文件不能为空，且最大 20 MB。')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
  });

  it('lets the city file a submitted plan or return it with a reason', async () => {
    const submitted = {
      ...FILING,
      status: WorkPlanStatus.Submitted,
      document: DOCUMENT,
      submittedAt: '2026-04-01T01:00:00Z',
    };
    const api = await renderAt(`/work-plans/${FILING.roundId}`, CITY, {
      [`GET /api/work-plans/rounds/${FILING.roundId}`]: jsonResponse(200, round([submitted])),
      [`POST /api/work-plans/filings/${FILING.id}/return`]: jsonResponse(200, {
        ...submitted,
        status: WorkPlanStatus.Returned,
      }),
    });
    const user = userEvent.setup();
    expect(await screen.findByLabelText('备案：武陵区', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('武陵区工作方案.docx').closest('a')).toHaveAttribute(
      'href',
      `/api/work-plans/filings/${FILING.id}/document`,
    );
    await user.click(screen.getByLabelText('退回：武陵区'));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    expect(await within(dialog).findByText('请填写退回原因')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '退回原因' }), '  请补充资金安排  ');
    await user.click(within(dialog).getByRole('button', { name: '退回' }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.url.pathname.endsWith('/return'))?.body).toEqual({
        reason: '请补充资金安排',
      }),
    );
  });
});
