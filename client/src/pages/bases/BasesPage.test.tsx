import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BaseStatus, EnterpriseRoles, type BaseDto, type CurrentUserDto, type EnterpriseDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { baseRequest } from './BaseDialog';
import { BasesPage } from './BasesPage';

const ENTERPRISE: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000002',
  name: '武陵电商产业园',
  creditCode: '91430702MA4L0000X2',
  countyId: WULING.countyId,
  countyName: '武陵区',
  roles: [EnterpriseRoles.EcommercePark],
  version: 5,
};

const PERSON_BASE: BaseDto = {
  id: 'b1000000-0000-0000-0000-000000000001',
  name: '柳叶湖阳光基地',
  countyId: WULING.countyId!,
  countyName: '武陵区',
  operatorPersonId: PERSON.id,
  operatorPersonName: PERSON.name,
  recognisedYear: 2018,
  status: BaseStatus.Active,
  products: '柑橘',
  version: 2,
};

const ENTERPRISE_BASE: BaseDto = {
  ...PERSON_BASE,
  id: 'b1000000-0000-0000-0000-000000000002',
  name: '产业园阳光基地',
  operatorPersonId: undefined,
  operatorPersonName: undefined,
  operatorEnterpriseId: ENTERPRISE.id,
  operatorEnterpriseName: ENTERPRISE.name,
  status: BaseStatus.Suspended,
  version: 4,
};

const page = (items: BaseDto[]) => jsonResponse(200, { items, page: 1, pageSize: 20, totalCount: items.length });

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
    'GET /api/bases': page([PERSON_BASE, ENTERPRISE_BASE]),
    'GET /api/persons': jsonResponse(200, {
      items: [{ ...PERSON, isRegisteredPoor: false }],
      page: 1,
      pageSize: 20,
      totalCount: 1,
    }),
    [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
    'GET /api/enterprises': jsonResponse(200, { items: [ENTERPRISE], page: 1, pageSize: 20, totalCount: 1 }),
    [`GET /api/enterprises/${ENTERPRISE.id}`]: jsonResponse(200, ENTERPRISE),
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
        children: [{ path: '/bases', element: <BasesPage /> }],
      },
    ],
    '/bases',
  );
  await screen.findByRole('cell', { name: PERSON_BASE.name }, { timeout: 5000 });
  return api;
}

const posted = (api: ReturnType<typeof fakeApi>, method: string) =>
  api.requests.find((request) => request.init?.method === method);

describe('baseRequest', () => {
  const values = {
    name: ' 基地 ',
    operatorPersonId: PERSON.id,
    operatorEnterpriseId: ENTERPRISE.id,
    recognisedYear: 2019,
    status: BaseStatus.Active,
    products: '  ',
  };

  it('sends exactly one operator: the kind chosen, whatever the other field still holds', () => {
    expect(baseRequest({ ...values, operatorKind: 'person' })).toEqual({
      name: '基地',
      operatorPersonId: PERSON.id,
      operatorEnterpriseId: undefined,
      recognisedYear: 2019,
      status: BaseStatus.Active,
      products: undefined,
    });
    expect(baseRequest({ ...values, operatorKind: 'enterprise' })).toMatchObject({
      operatorPersonId: undefined,
      operatorEnterpriseId: ENTERPRISE.id,
    });
  });
});

describe('BasesPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists bases with who runs them and their status', async () => {
    await renderPage(WULING);
    const personRow = within(screen.getByRole('row', { name: new RegExp(PERSON_BASE.name) }));
    expect(personRow.getByRole('link', { name: PERSON.name })).toHaveAttribute('href', `/persons/${PERSON.id}`);
    expect(personRow.getByText('有效')).toBeInTheDocument();
    const enterpriseRow = within(screen.getByRole('row', { name: new RegExp(ENTERPRISE_BASE.name) }));
    expect(enterpriseRow.getByRole('link', { name: ENTERPRISE.name })).toHaveAttribute(
      'href',
      `/enterprises/${ENTERPRISE.id}`,
    );
    expect(enterpriseRow.getByText('暂停')).toBeInTheDocument();
    expect(enterpriseRow.getByRole('link', { name: `协议：${ENTERPRISE_BASE.name}` })).toHaveAttribute(
      'href',
      `/supply-agreements?baseId=${ENTERPRISE_BASE.id}`,
    );
  });

  it("registers a county officer's base run by an enterprise, sending only the enterprise", async () => {
    const api = await renderPage(WULING, { 'POST /api/bases': jsonResponse(201, ENTERPRISE_BASE) });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '登记基地' }));
    // The table's page-size select shares AntD's test id with the dialog's title: find the dialog by role alone.
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('登记基地');
    expect(within(dialog).getByText('该基地属于武陵区。')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: '基地名称' }), '产业园阳光基地');
    // A person chosen first, then the enterprise: the base is run by one of them only.
    await user.type(within(dialog).getByRole('combobox', { name: '经营者（残疾人）' }), '张');
    await user.click(await screen.findByTitle(/^张三（/));
    await user.click(within(dialog).getByRole('radio', { name: '企业' }));
    await user.type(within(dialog).getByRole('combobox', { name: '经营企业' }), '武陵');
    await user.click(await screen.findByTitle(/^武陵电商产业园（/));
    await user.clear(within(dialog).getByRole('spinbutton', { name: '认定年份' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: '认定年份' }), '2019');
    await user.click(within(dialog).getByRole('button', { name: '创建' }));

    await waitFor(() =>
      expect(posted(api, 'POST')?.body).toEqual({
        countyId: WULING.countyId,
        name: '产业园阳光基地',
        operatorEnterpriseId: ENTERPRISE.id,
        recognisedYear: 2019,
        status: BaseStatus.Active,
      }),
    );
  });

  it("edits a base with its version and shows the server's objection on the operating person", async () => {
    const api = await renderPage(CITY, {
      [`PUT /api/bases/${PERSON_BASE.id}`]: jsonResponse(
        422,
        {
          status: 422,
          title: 'Unprocessable Content',
          code: 'base.operator_county',
          detail: 'The operating person is registered in another county.',
          errors: { operatorPersonId: ['The operating person is registered in another county.'] },
          fieldErrors: [
            {
              field: 'operatorPersonId',
              code: 'base.operator_county',
              message: 'The operating person is registered in another county.',
            },
          ],
        },
        'application/problem+json',
      ),
    });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: `编辑：${PERSON_BASE.name}` }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent(`编辑基地：${PERSON_BASE.name}`);
    expect(within(dialog).getByText('该基地属于武陵区。')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: '残疾人' })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: '暂停' }));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(await within(dialog).findAllByText('经营基地的残疾人须登记在基地所在的区县。')).not.toHaveLength(0);
    expect(within(dialog).getByRole('combobox', { name: '经营者（残疾人）' }).closest('.ant-form-item')).toHaveClass(
      'ant-form-item-has-error',
    );
    const update = posted(api, 'PUT')!;
    expect(new Headers(update.init?.headers).get('If-Match')).toBe('"2"');
    expect(update.body).toEqual({
      name: PERSON_BASE.name,
      operatorPersonId: PERSON.id,
      recognisedYear: 2018,
      status: BaseStatus.Suspended,
      products: '柑橘',
    });
  });
});
