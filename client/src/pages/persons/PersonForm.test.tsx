import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet, type RouteObject } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersonTags } from '../../api';
import { RequireAuth } from '../../auth/session';
import { fakeApi, PERSON, REGIONS, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { EditPersonPage } from './EditPersonPage';
import { NewPersonPage } from './NewPersonPage';
import { toCreatePersonRequest, toUpdatePersonRequest } from './personRequest';

const signedIn = { 'GET /api/auth/me': jsonResponse(200, WULING), 'GET /api/regions': jsonResponse(200, REGIONS) };

function renderPage(path: string, routes: Record<string, Parameters<typeof fakeApi>[0][string]>) {
  const api = fakeApi({ ...signedIn, ...routes });
  vi.stubGlobal('fetch', api.fetch);
  const pages: RouteObject[] = [
    { path: '/persons/new', element: <NewPersonPage /> },
    { path: '/persons/:id/edit', element: <EditPersonPage /> },
    { path: '/persons/:id', element: <p>detail page</p> },
  ];
  renderRoutes(
    [
      {
        element: (
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        ),
        children: pages,
      },
    ],
    path,
  );
  return api;
}

function problem(status: number, code: string, fieldErrors: { field: string; code: string; message: string }[] = []) {
  return jsonResponse(
    status,
    { status, title: 'Problem', code, traceId: 't-1', fieldErrors: fieldErrors.length > 0 ? fieldErrors : undefined },
    'application/problem+json',
  );
}

async function fillRequired(user: ReturnType<typeof userEvent.setup>, idNumber = '43990119850315879x') {
  await user.type(await screen.findByRole('textbox', { name: '姓名' }), '  张三 ');
  await user.type(screen.getByRole('textbox', { name: '身份证号' }), idNumber);
  await user.type(screen.getByRole('textbox', { name: '残疾证号' }), `${idNumber}42`);
}

describe('person form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the coded field errors of a problem, translated, on their fields', async () => {
    renderPage('/persons/new', {
      'POST /api/persons': problem(400, 'validation.failed', [
        { field: 'idNumber', code: 'id_number.check_digit', message: 'The check character is wrong.' },
        { field: 'certificateNumber', code: 'certificate_number.holder_mismatch', message: 'Mismatch.' },
        { field: 'phone', code: 'phone.invalid', message: 'Not a phone number.' },
      ]),
    });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.type(screen.getByRole('textbox', { name: '联系电话' }), '123');
    await user.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('身份证号校验位不正确，请核对。')).toBeInTheDocument();
    expect(screen.getByText('残疾证号前 18 位须与身份证号一致。')).toBeInTheDocument();
    expect(screen.getByText('请输入 11 位手机号，或带区号的固定电话（如 0736-7251234）。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: '联系电话' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('提交的内容有误'))).toBe(true);
  });

  it('shows a duplicate ID number (409) on the ID number field', async () => {
    renderPage('/persons/new', {
      'POST /api/persons': problem(409, 'person.id_number_taken', [
        { field: 'idNumber', code: 'person.id_number_taken', message: 'Taken.' },
      ]),
    });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.click(screen.getByRole('button', { name: '登记' }));

    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(screen.getAllByText('该身份证号已有人员登记。').length).toBeGreaterThan(0);
  });

  it('sends the trimmed values, with the ID numbers in capitals and the own county, then opens the person', async () => {
    const api = renderPage('/persons/new', { 'POST /api/persons': jsonResponse(201, PERSON) });
    const user = userEvent.setup();
    await fillRequired(user);
    await user.type(screen.getByRole('textbox', { name: '村（社区）' }), ' 柳叶村 ');
    await user.click(screen.getByRole('radio', { name: '城镇' }));
    await user.click(screen.getByRole('checkbox', { name: '中高职学生' }));
    await user.click(screen.getByRole('button', { name: '登记' }));

    expect(await screen.findByText('detail page')).toBeInTheDocument();
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      name: '张三',
      idNumber: '43990119850315879X',
      certificateNumber: '43990119850315879X42',
      countyId: WULING.countyId,
      registration: 'Urban',
      village: '柳叶村',
      tags: ['VocationalStudent'],
    });
  });

  it('sends the loaded version in If-Match, and after a conflict reloads the latest version', async () => {
    let version = PERSON.version;
    const api = renderPage(`/persons/${PERSON.id}/edit`, {
      [`GET /api/persons/${PERSON.id}`]: () => jsonResponse(200, { ...PERSON, version }),
      [`PUT /api/persons/${PERSON.id}`]: () => {
        version += 1;
        return problem(412, 'concurrency.stale');
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: '编辑人员：张三' })).toBeInTheDocument();
    expect(screen.getByText(/留空则保持 439901\*{8}1234 不变/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveValue('');
    await user.type(screen.getByRole('textbox', { name: '身份证号' }), '439901198503151234');
    await user.type(screen.getByRole('textbox', { name: '残疾证号' }), '43990119850315123442');
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByText('该人员信息已被他人修改。请重新加载最新内容后再修改。')).toBeInTheDocument();
    const put = api.requests.find((request) => request.init?.method === 'PUT');
    expect(new Headers(put?.init?.headers).get('If-Match')).toBe('"7"');

    await user.click(screen.getByRole('button', { name: '重新加载' }));
    await waitFor(() => expect(screen.queryByText(/请重新加载最新内容/)).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: '身份证号' })).toHaveValue('');
  });

  it('sends no numbers or phone when they are left empty, which keeps them', async () => {
    const api = renderPage(`/persons/${PERSON.id}/edit`, {
      [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
      [`PUT /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
    });
    const user = userEvent.setup();
    expect(await screen.findByText('留空则保持 138****5678 不变。')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('detail page')).toBeInTheDocument();
    const kept = api.requests.find((request) => request.init?.method === 'PUT')?.body as Record<string, unknown>;
    expect(kept).not.toHaveProperty('idNumber');
    expect(kept).not.toHaveProperty('certificateNumber');
    expect(kept).not.toHaveProperty('phone');
  });

  it('asks for the certificate number with a new ID number before calling the server', async () => {
    const api = renderPage(`/persons/${PERSON.id}/edit`, {
      [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: '身份证号' }), '439901198503151234');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('更正身份证号时，须同时填写对应的残疾证号。')).toBeInTheDocument();
    expect(api.requests.some((request) => request.init?.method === 'PUT')).toBe(false);
  });

  it('sends an empty phone to remove it', async () => {
    const api = renderPage(`/persons/${PERSON.id}/edit`, {
      [`GET /api/persons/${PERSON.id}`]: jsonResponse(200, PERSON),
      [`PUT /api/persons/${PERSON.id}`]: jsonResponse(200, { ...PERSON, phoneMasked: undefined }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: '删除联系电话' }));
    expect(screen.getByRole('textbox', { name: '联系电话' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('detail page')).toBeInTheDocument();
    expect(api.requests.find((request) => request.init?.method === 'PUT')?.body).toMatchObject({ phone: '' });
  });
});

const VALUES = {
  name: ' 李四 ',
  idNumber: ' 43990119850315123x ',
  certificateNumber: '43990119850315123x11',
  countyId: 'county',
  township: '  ',
  registration: PERSON.registration,
  phone: '',
};

describe('toCreatePersonRequest', () => {
  it('trims, capitalises the numbers, leaves out empty optional fields and sends no tags as an empty list', () => {
    expect(toCreatePersonRequest(VALUES)).toEqual({
      name: '李四',
      idNumber: '43990119850315123X',
      certificateNumber: '43990119850315123X11',
      countyId: 'county',
      township: undefined,
      village: undefined,
      registration: PERSON.registration,
      phone: undefined,
      tags: [],
    });
  });

  it('keeps the chosen tags', () => {
    const request = toCreatePersonRequest({ ...VALUES, tags: [PersonTags.SpecialistCommitteeMember] });
    expect(request.tags).toEqual([PersonTags.SpecialistCommitteeMember]);
  });
});

describe('toUpdatePersonRequest', () => {
  const serialised = (values: Parameters<typeof toUpdatePersonRequest>[0]) =>
    JSON.parse(JSON.stringify(toUpdatePersonRequest(values))) as Record<string, unknown>;

  it('leaves out the numbers and phone left empty, which keeps the current values', () => {
    expect(serialised({ ...VALUES, idNumber: ' ', certificateNumber: undefined, phone: '  ' })).toEqual({
      name: '李四',
      countyId: 'county',
      registration: PERSON.registration,
      tags: [],
    });
  });

  it('sends the numbers and phone typed, to change them', () => {
    expect(serialised({ ...VALUES, phone: ' 13812345678 ' })).toMatchObject({
      idNumber: '43990119850315123X',
      certificateNumber: '43990119850315123X11',
      phone: '13812345678',
    });
  });

  it('sends an empty phone to remove it, whatever was typed', () => {
    expect(serialised({ ...VALUES, phone: '13812345678', removePhone: true }).phone).toBe('');
  });
});
