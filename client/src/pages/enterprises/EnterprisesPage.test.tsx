import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseRoles, type CurrentUserDto, type EnterpriseDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { EnterprisesPage } from './EnterprisesPage';

const PLATFORM: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000001',
  name: '阳光优选平台',
  creditCode: '91430700MA4L0000X1',
  roles: [EnterpriseRoles.PartnerPlatform],
  version: 3,
};

const WULING_PARK: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000002',
  name: '武陵电商产业园',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  countyName: '武陵区',
  roles: [EnterpriseRoles.EcommercePark, EnterpriseRoles.Incubator],
  version: 5,
};

async function renderPage(user: CurrentUserDto, routes: Parameters<typeof fakeApi>[0] = {}) {
  // As the end-to-end tests do: without animations a dialog is gone once closed.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, user),
    'GET /api/regions': jsonResponse(200, REGIONS),
    'GET /api/enterprises': jsonResponse(200, { items: [PLATFORM, WULING_PARK], page: 1, pageSize: 20, totalCount: 2 }),
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
        children: [{ path: '/enterprises', element: <EnterprisesPage /> }],
      },
    ],
    '/enterprises',
  );
  await screen.findByRole('cell', { name: PLATFORM.name }, { timeout: 5000 });
  return api;
}

describe('EnterprisesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists enterprises with their county (or none) and roles', async () => {
    await renderPage(CITY);
    const park = within(screen.getByRole('row', { name: new RegExp(WULING_PARK.name) }));
    expect(park.getByText('武陵区')).toBeInTheDocument();
    expect(park.getByText('电商产业园')).toBeInTheDocument();
    expect(park.getByText('孵化基地')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: WULING_PARK.name })).toHaveAttribute(
      'href',
      `/enterprises/${WULING_PARK.id}`,
    );
    const platform = within(screen.getByRole('row', { name: new RegExp(PLATFORM.name) }));
    expect(platform.getByText('不属于任何区县')).toBeInTheDocument();
  });

  it("registers a city officer's platform of no county, and shows the server's objection on the credit code", async () => {
    const api = await renderPage(CITY, {
      'POST /api/enterprises': jsonResponse(
        409,
        {
          status: 409,
          title: 'Conflict',
          code: 'enterprise.credit_code_taken',
          detail: 'An enterprise with this credit code is registered.',
          errors: { creditCode: ['An enterprise with this credit code is registered.'] },
          fieldErrors: [
            {
              field: 'creditCode',
              code: 'enterprise.credit_code_taken',
              message: 'An enterprise with this credit code is registered.',
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记企业' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));
    expect(await within(dialog).findByText('请至少选择一种企业类型')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);

    await user.click(within(dialog).getByRole('textbox', { name: '企业名称' }));
    await user.paste(' 新平台 ');
    await user.click(within(dialog).getByRole('textbox', { name: '统一社会信用代码' }));
    await user.paste('91430700ma4l0001x3');
    await user.click(within(dialog).getByRole('checkbox', { name: '合作电商平台' }));
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    expect(await within(dialog).findAllByText('该统一社会信用代码已有企业登记。')).not.toHaveLength(0);
    expect(within(dialog).getByRole('textbox', { name: '统一社会信用代码' })).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        name: '新平台',
        creditCode: '91430700MA4L0001X3',
        roles: [EnterpriseRoles.PartnerPlatform],
      }),
    );
  });

  it("lets a county officer edit only their county's enterprises, sending the version", async () => {
    const api = await renderPage(WULING, {
      [`PUT /api/enterprises/${WULING_PARK.id}`]: jsonResponse(200, WULING_PARK),
    });
    expect(screen.queryByRole('button', { name: `编辑：${PLATFORM.name}` })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `编辑：${WULING_PARK.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('该企业登记在武陵区。')).toBeInTheDocument();
    expect(within(dialog).getByRole('checkbox', { name: '孵化基地' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: '孵化基地' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(true));
    const update = api.requests.find((request) => request.init?.method === 'PUT')!;
    expect(new Headers(update.init?.headers).get('If-Match')).toBe('"5"');
    expect(update.body).toEqual({
      name: WULING_PARK.name,
      creditCode: WULING_PARK.creditCode,
      countyId: WULING.countyId,
      roles: [EnterpriseRoles.EcommercePark],
    });
  });

  it('records the profile: contact, address, the third-party service role and the disabled person who runs it', async () => {
    const api = await renderPage(WULING, {
      'POST /api/enterprises': jsonResponse(201, WULING_PARK),
      'GET /api/persons': jsonResponse(200, {
        items: [{ ...PERSON, isRegisteredPoor: false }],
        page: 1,
        pageSize: 20,
        totalCount: 1,
      }),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记企业' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: '企业名称' }), '阳光服务中心');
    await user.type(within(dialog).getByRole('textbox', { name: '统一社会信用代码' }), '91430702MA4L0002X4');
    await user.click(within(dialog).getByRole('checkbox', { name: '第三方服务机构' }));
    await user.type(within(dialog).getByRole('textbox', { name: '联系人' }), ' 王经理 ');
    await user.type(within(dialog).getByRole('textbox', { name: '联系电话' }), '0736-7251234');
    await user.type(within(dialog).getByRole('textbox', { name: '地址' }), '武陵区人民路 1 号');
    await user.type(within(dialog).getByRole('combobox', { name: '创办的残疾人' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    await waitFor(() =>
      expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
        name: '阳光服务中心',
        creditCode: '91430702MA4L0002X4',
        countyId: WULING.countyId,
        roles: [EnterpriseRoles.ThirdPartyServiceProvider],
        contactName: '王经理',
        contactPhone: '0736-7251234',
        address: '武陵区人民路 1 号',
        runByPersonId: PERSON.id,
      }),
    );
  });
});
