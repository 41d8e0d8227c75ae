import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseRoles, HoursType, JobCategory, RecordSource, type EmploymentRecordDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { EmploymentPage } from './EmploymentPage';

const ENTERPRISE = {
  id: 'e1000000-0000-0000-0000-000000000002',
  name: '武陵电商产业园',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  roles: [EnterpriseRoles.EcommerceEnterprise],
  version: 1,
};

const STAFF: EmploymentRecordDto = {
  id: 'c3000000-0000-0000-0000-000000000001',
  enterpriseId: ENTERPRISE.id,
  enterpriseName: ENTERPRISE.name,
  personId: PERSON.id,
  personName: PERSON.name,
  countyId: WULING.countyId!,
  countyName: '武陵区',
  jobCategory: JobCategory.CustomerService,
  hoursType: HoursType.FullTime,
  startDate: '2024-03-01',
  source: RecordSource.Staff,
  version: 4,
};

const PARTNER: EmploymentRecordDto = {
  ...STAFF,
  id: 'c3000000-0000-0000-0000-000000000002',
  personId: 'a0000000-0000-0000-0000-000000000009',
  personName: '王五',
  jobCategory: JobCategory.Packaging,
  hoursType: HoursType.Flexible,
  startDate: '2023-01-01',
  endDate: '2023-06-30',
  source: RecordSource.Partner,
};

const paged = (items: unknown[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

async function renderPage(routes: Parameters<typeof fakeApi>[0] = {}) {
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, WULING),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/employment': paged([STAFF, PARTNER]),
    'GET /api/enterprises': paged([ENTERPRISE]),
    'GET /api/persons': paged([{ ...PERSON, isRegisteredPoor: false }]),
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
        children: [{ path: '/employment', element: <EmploymentPage /> }],
      },
    ],
    '/employment',
  );
  await screen.findByRole('link', { name: '王五' }, { timeout: 5000 });
  return api;
}

const rowOf = (name: string) => within(screen.getByRole('link', { name }).closest('tr')!);

describe('EmploymentPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows job, hours, dates and who recorded each employment; an ended one cannot be ended again', async () => {
    await renderPage();
    expect(rowOf(PERSON.name).getByText('客服')).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByText('全日制')).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByText('工作人员登记')).toBeInTheDocument();
    expect(rowOf(PERSON.name).getByRole('button', { name: `登记离职：${PERSON.name}` })).toBeInTheDocument();
    expect(rowOf('王五').getByText('平台报送')).toBeInTheDocument();
    expect(rowOf('王五').getByText('灵活就业（含居家就业）')).toBeInTheDocument();
    expect(rowOf('王五').getByText('已结束（2023-06-30）')).toBeInTheDocument();
    expect(rowOf('王五').queryByRole('button', { name: /登记离职/ })).not.toBeInTheDocument();
  });

  it('records employment, and shows an overlap the server finds on the start date', async () => {
    const api = await renderPage({
      'POST /api/employment': jsonResponse(
        409,
        {
          status: 409,
          title: 'Conflict',
          code: 'employment.overlapping',
          detail: 'The person is already recorded as employed by the enterprise in these dates.',
          errors: { startDate: ['The person is already recorded as employed by the enterprise in these dates.'] },
          fieldErrors: [
            {
              field: 'startDate',
              code: 'employment.overlapping',
              message: 'The person is already recorded as employed by the enterprise in these dates.',
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记就业' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('combobox', { name: '用人企业' }), '武陵');
    await user.click(await screen.findByTitle(/^武陵电商产业园（/));
    await user.type(within(dialog).getByRole('combobox', { name: '残疾人' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.click(within(dialog).getByRole('combobox', { name: '岗位类别' }));
    await user.click(await screen.findByTitle('视频美工'));
    await user.click(within(dialog).getByRole('radio', { name: '非全日制' }));
    await user.type(within(dialog).getByRole('textbox', { name: '开始日期' }), '2024-03-15{Enter}');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    expect(await within(dialog).findAllByText('该人员在这段日期内已登记受雇于该企业。')).not.toHaveLength(0);
    expect(within(dialog).getByRole('textbox', { name: '开始日期' })).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        enterpriseId: ENTERPRISE.id,
        personId: PERSON.id,
        jobCategory: JobCategory.VideoAndArt,
        hoursType: HoursType.PartTime,
        startDate: '2024-03-15',
      }),
    );
  });

  it('corrects a record with its version', async () => {
    const api = await renderPage({ [`PUT /api/employment/${STAFF.id}`]: jsonResponse(200, STAFF) });
    const user = userEvent.setup();
    await user.click(rowOf(PERSON.name).getByRole('button', { name: `编辑：${PERSON.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`用人企业：${ENTERPRISE.name}；残疾人：${PERSON.name}（均不能更改）。`);
    await user.click(within(dialog).getByRole('radio', { name: '灵活就业（含居家就业）' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(true));
    const update = api.requests.find((request) => request.init?.method === 'PUT')!;
    expect(new Headers(update.init?.headers).get('If-Match')).toBe('"4"');
    expect(update.body).toEqual({
      jobCategory: JobCategory.CustomerService,
      hoursType: HoursType.Flexible,
      startDate: '2024-03-01',
    });
  });
});
