import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProgrammeDto, ProgrammeTargetDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, type FakeRequest } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { COUNTY_REGIONS, DINGCHENG, WULING_REF } from './fixtures';
import { TargetsPage } from './TargetsPage';

const PROGRAMME: ProgrammeDto = {
  id: 'p0000000-0000-0000-0000-000000000001',
  code: 'CD-SUNSHINE',
  name: '阳光助残电商扶贫工程',
  nameEn: 'Sunshine programme',
  periodStart: '2020-01-01',
  periodEnd: '2035-12-31',
  documentReference: '常残联发〔2024〕1号',
};

const CITY_TARGET: ProgrammeTargetDto = {
  trainedPeople: 500,
  prosperityLeaders: 20,
  householdsInChain: 300,
  targetDate: '2030-12-31',
};

async function renderPage(put: Response | ((request: FakeRequest) => Response)) {
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, CITY),
    'GET /api/regions': jsonResponse(200, COUNTY_REGIONS),
    'GET /api/programmes': jsonResponse(200, [PROGRAMME]),
    'GET /api/statistics/targets': jsonResponse(200, [CITY_TARGET]),
    'PUT /api/statistics/targets': put,
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
        children: [{ path: '/statistics/targets', element: <TargetsPage /> }],
      },
    ],
    '/statistics/targets',
  );
  await screen.findByRole('spinbutton', { name: '培训残疾人（人）：全市' }, { timeout: 5000 });
  return api;
}

describe('TargetsPage', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows the city-wide target and asks for every value of a started county row', async () => {
    const api = await renderPage(jsonResponse(200, []));
    expect(screen.getByRole('spinbutton', { name: '培训残疾人（人）：全市' })).toHaveValue('500');
    expect(screen.getByRole('textbox', { name: '目标日期：全市' })).toHaveValue('2030-12-31');
    const user = userEvent.setup();
    await user.type(screen.getByRole('spinbutton', { name: '培训残疾人（人）：武陵区' }), '120');
    await user.click(screen.getByRole('button', { name: '保存' }));
    const wuling = screen.getByRole('row', { name: /武陵区/ });
    expect(await within(wuling).findAllByText('填写了本行的目标，此项也须填写。')).toHaveLength(3);
    expect(within(screen.getByRole('row', { name: /鼎城区/ })).queryByText(/须填写/)).not.toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(false);
  });

  it('sends the started rows only, the city-wide one without a county', async () => {
    const api = await renderPage(jsonResponse(200, []));
    const user = userEvent.setup();
    const field = (name: string) => screen.getByRole('spinbutton', { name });
    await user.type(field('培训残疾人（人）：鼎城区'), '80');
    await user.type(field('致富带头人（人）：鼎城区'), '5');
    await user.type(field('带动贫困残疾人家庭（户）：鼎城区'), '40');
    await user.type(screen.getByRole('textbox', { name: '目标日期：鼎城区' }), '2029-12-31{Enter}');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(true));
    const sent = api.requests.find((request) => request.init?.method === 'PUT')!.body;
    expect(sent).toEqual({
      programmeId: PROGRAMME.id,
      targets: [
        { trainedPeople: 500, prosperityLeaders: 20, householdsInChain: 300, targetDate: '2030-12-31' },
        {
          countyId: DINGCHENG.id,
          trainedPeople: 80,
          prosperityLeaders: 5,
          householdsInChain: 40,
          targetDate: '2029-12-31',
        },
      ],
    });
    expect((await screen.findAllByText('已保存'))[0]).toBeInTheDocument();
  });

  it('shows the server’s field errors next to the field of the row sent', async () => {
    await renderPage(
      jsonResponse(
        400,
        {
          status: 400,
          title: 'Validation failed',
          code: 'validation.failed',
          errors: { 'targets[1].householdsInChain': ['too big'] },
          fieldErrors: [{ field: 'targets[1].householdsInChain', code: 'target.figure_invalid', message: 'too big' }],
        },
        'application/problem+json',
      ),
    );
    const user = userEvent.setup();
    const field = (name: string) => screen.getByRole('spinbutton', { name });
    await user.type(field('培训残疾人（人）：武陵区'), '1');
    await user.type(field('致富带头人（人）：武陵区'), '1');
    await user.type(field('带动贫困残疾人家庭（户）：武陵区'), '1');
    await user.type(screen.getByRole('textbox', { name: '目标日期：武陵区' }), '2029-12-31{Enter}');
    await user.click(screen.getByRole('button', { name: '保存' }));
    // The second row sent is 武陵区 (the empty rows are not sent), the second county of the form.
    const wuling = screen.getByRole('row', { name: new RegExp(WULING_REF.name) });
    expect(await within(wuling).findByText('应为 0 至 1000000 的整数。')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('提交的内容有误，请按提示修改。');
  });
});
