import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseRoles, TypicalCaseSubject, type EnterpriseDto, type TypicalCaseDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { caseSteps, TypicalCaseDetailPage } from './TypicalCaseDetailPage';
import { TypicalCasesPage } from './TypicalCasesPage';

const CASE: TypicalCaseDto = {
  id: 'c8000000-0000-0000-0000-000000000001',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  subject: TypicalCaseSubject.Person,
  personId: PERSON.id,
  subjectName: PERSON.name,
  title: '轮椅上的网店店主',
  narrative: '2017年参加电商培训后开设网店。\n次年销售额突破十万元。',
  figures: [{ label: '年销售额', value: 120000, unit: '元' }],
  isNominated: false,
  isPublished: false,
  publicationConsent: false,
  version: 3,
};

const ENTERPRISE: EnterpriseDto = {
  id: 'e8000000-0000-0000-0000-000000000001',
  name: '武陵阳光电商',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  countyName: '武陵区',
  roles: [EnterpriseRoles.EcommerceEnterprise],
  version: 1,
};

const AUDITOR = { ...CITY, roles: ['Auditor'], permissions: ['reference.read', 'programme.read', 'audit.read'] };
const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderAt(path: string, user = WULING, routes: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/typical-cases': paged([CASE]),
    'GET /api/typical-cases/published': paged([]),
    [`GET /api/typical-cases/${CASE.id}`]: jsonResponse(200, CASE),
    'GET /api/enterprises': paged([ENTERPRISE]),
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
          { path: '/typical-cases', element: <TypicalCasesPage /> },
          { path: '/typical-cases/:id', element: <TypicalCaseDetailPage /> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('the steps on a case', () => {
  it('lets county and city deciders nominate and publish, and nobody else', () => {
    expect(caseSteps(CASE, WULING.permissions)).toEqual(['nominate', 'publish']);
    expect(caseSteps({ ...CASE, isNominated: true, isPublished: true }, CITY.permissions)).toEqual([
      'withdrawNomination',
      'unpublish',
    ]);
    expect(caseSteps(CASE, AUDITOR.permissions)).toEqual([]);
  });
});

describe('typical cases', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists the cases with their subject and figures', async () => {
    await renderAt('/typical-cases');
    const row = within((await screen.findByRole('link', { name: CASE.title }, { timeout: 5000 })).closest('tr')!);
    expect(row.getByText('残疾人：张三')).toBeInTheDocument();
    expect(row.getByText('年销售额 120,000 元')).toBeInTheDocument();
  });

  it('shows why a person’s story cannot be published without their consent', async () => {
    await renderAt(`/typical-cases/${CASE.id}`, WULING, {
      [`POST /api/typical-cases/${CASE.id}/publication`]: jsonResponse(
        422,
        { status: 422, title: 'Unprocessable Content', code: 'typical_case.consent_required', traceId: 't2' },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: `典型案例：${CASE.title}` }, { timeout: 5000 });
    expect(screen.getByText(/本人未同意公开发布/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '发布' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('发布个人事迹须经本人同意');
  });

  it('shows an auditor the case without any step or edit', async () => {
    await renderAt(`/typical-cases/${CASE.id}`, AUDITOR);
    await screen.findByRole('heading', { level: 1, name: `典型案例：${CASE.title}` }, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: '发布' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /编\s?辑/ })).not.toBeInTheDocument();
    expect(screen.getByText(/次年销售额突破十万元/)).toBeInTheDocument();
  });

  it('sends an edit with the case’s version in If-Match', async () => {
    const api = await renderAt(`/typical-cases/${CASE.id}`, WULING, {
      [`PUT /api/typical-cases/${CASE.id}`]: jsonResponse(200, { ...CASE, version: 4 }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /编\s?辑/ }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: '标题' });
    await user.clear(title);
    await user.type(title, '轮椅上的电商达人');
    await user.click(within(dialog).getByRole('button', { name: /保\s?存/ }));
    await waitFor(() => {
      const put = api.requests.find((request) => request.init?.method === 'PUT');
      expect(new Headers(put?.init?.headers).get('If-Match')).toBe('"3"');
      expect(put?.body).toEqual({
        title: '轮椅上的电商达人',
        narrative: CASE.narrative,
        figures: [{ label: '年销售额', value: 120000, unit: '元' }],
      });
    });
  });

  it('writes up an enterprise’s case in the officer’s county with its key figures', async () => {
    const api = await renderAt('/typical-cases', WULING, {
      'POST /api/typical-cases': jsonResponse(201, {
        ...CASE,
        subject: TypicalCaseSubject.Enterprise,
        personId: undefined,
        enterpriseId: ENTERPRISE.id,
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '新增典型案例' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: '企业' }));
    await user.type(within(dialog).getByRole('combobox', { name: '企业' }), '武陵');
    await user.click(await screen.findByTitle(`${ENTERPRISE.name}（${ENTERPRISE.creditCode}）`));
    await user.type(within(dialog).getByRole('textbox', { name: '标题' }), '  电商企业吸纳残疾人就业 ');
    await user.type(within(dialog).getByRole('textbox', { name: '案例事迹' }), '企业吸纳12名残疾人。');
    await user.click(within(dialog).getByRole('button', { name: '添加关键数据' }));
    await user.type(within(dialog).getByRole('textbox', { name: '指标' }), '吸纳就业');
    await user.type(within(dialog).getByRole('spinbutton', { name: '数值' }), '12');
    await user.type(within(dialog).getByRole('textbox', { name: '单位' }), '人');
    await user.click(within(dialog).getByRole('button', { name: /创\s?建/ }));
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        enterpriseId: ENTERPRISE.id,
        countyId: WULING.countyId,
        title: '电商企业吸纳残疾人就业',
        narrative: '企业吸纳12名残疾人。',
        figures: [{ label: '吸纳就业', value: 12, unit: '人' }],
      }),
    );
  });
});
