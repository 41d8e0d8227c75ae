import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { leaveForServer } from '../auth/leaveForServer';
import { SIGN_IN_PATH } from '../auth/returnUrl';
import { jsonResponse, renderRoutes } from '../test/render';
import { SignInPage } from './SignInPage';

vi.mock('../auth/leaveForServer', () => ({ leaveForServer: vi.fn() }));

const wuling = {
  id: '5f0c2d9e-4a43-4c1e-9a36-2f0a7d3b9c11',
  userName: 'wuling',
  displayName: '武陵区工作人员',
  roles: ['CountyOfficer'],
  permissions: ['reference.read', 'programme.read'],
  countyId: '0d3c6a1e-8f0b-4a57-9a8e-6f2c1b7d5e42',
  countyName: '武陵区',
};

const fetchMock = vi.fn<typeof fetch>();

function renderSignIn(path = SIGN_IN_PATH) {
  return renderRoutes(
    [
      { path: SIGN_IN_PATH, element: <SignInPage /> },
      { path: '/', element: <p>home page</p> },
      { path: '/regions', element: <p>regions page</p> },
    ],
    path,
  );
}

async function signIn(userName: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('用户名'), userName);
  await user.type(screen.getByLabelText('密码'), password);
  await user.click(screen.getByRole('button', { name: '登录' }));
}

function sentRequest(): { url: string; init: RequestInit; body: unknown } {
  const [url, init] = fetchMock.mock.calls[0];
  return { url: String(url), init: init!, body: JSON.parse(String(init!.body)) };
}

describe('SignInPage', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    fetchMock.mockReset();
    vi.mocked(leaveForServer).mockReset();
  });

  it('is a labelled form under a level-one heading with a page title', () => {
    renderSignIn();
    expect(screen.getByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('密码')).toHaveAttribute('autocomplete', 'current-password');
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(document.title).toBe('登录 – 阳光助残扶贫系统');
  });

  it('signs in with the same-origin session cookie and goes to the return URL', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, wuling));
    renderSignIn(`${SIGN_IN_PATH}?returnUrl=%2Fregions`);
    await signIn('wuling', 'Sunshine@2026');
    expect(await screen.findByText('regions page')).toBeInTheDocument();
    const { init, body } = sentRequest();
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('Accept-Language')).toBe('zh-CN');
    expect(body).toEqual({ userName: 'wuling', password: 'Sunshine@2026' });
  });

  it('hands a server return URL (the OAuth authorize endpoint) to a full page load', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, wuling));
    const returnUrl = '/connect/authorize?client_id=partner&response_type=code';
    renderSignIn(`${SIGN_IN_PATH}?returnUrl=${encodeURIComponent(returnUrl)}`);
    await signIn('wuling', 'Sunshine@2026');
    await waitFor(() => expect(leaveForServer).toHaveBeenCalledWith(returnUrl));
  });

  it('ignores a return URL that leaves the site', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, wuling));
    renderSignIn(`${SIGN_IN_PATH}?returnUrl=${encodeURIComponent('https://evil.example/')}`);
    await signIn('wuling', 'Sunshine@2026');
    expect(await screen.findByText('home page')).toBeInTheDocument();
    expect(leaveForServer).not.toHaveBeenCalled();
  });

  it('announces wrong credentials in an alert and clears the password', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(
        401,
        { status: 401, title: 'Unauthorized', code: 'auth.invalid_credentials', traceId: '00-1-2-00' },
        'application/problem+json',
      ),
    );
    renderSignIn();
    await signIn('wuling', 'wrong-password');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('用户名或密码不正确。');
    expect(alert).toHaveTextContent('00-1-2-00');
    expect(screen.getByLabelText('密码')).toHaveValue('');
    expect(screen.getByRole('heading', { level: 1, name: '登录' })).toBeInTheDocument();
  });

  it('explains a locked-out account', async () => {
    fetchMock.mockResolvedValue(jsonResponse(401, { status: 401, title: 'Unauthorized', code: 'auth.locked_out' }));
    renderSignIn();
    await signIn('wuling', 'Sunshine@2026');
    expect(await screen.findByRole('alert')).toHaveTextContent('账号已被暂时锁定');
  });

  it('explains rate limiting even without a problem body', async () => {
    fetchMock.mockResolvedValue(new Response('', { status: 429 }));
    renderSignIn();
    await signIn('wuling', 'Sunshine@2026');
    expect(await screen.findByRole('alert')).toHaveTextContent('请求过于频繁，请稍后再试。');
  });

  it('shows server validation errors on the matching field', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, {
        status: 400,
        title: 'One or more fields are invalid.',
        code: 'validation.failed',
        errors: { userName: ['用户名最多 50 个字符。'] },
      }),
    );
    renderSignIn();
    await signIn('x'.repeat(60), 'Sunshine@2026');
    expect(await screen.findByText('用户名最多 50 个字符。')).toBeInTheDocument();
    expect(screen.getByLabelText('用户名')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByRole('alert').some((alert) => alert.textContent?.includes('请按提示修改'))).toBe(true);
  });

  it('checks required fields before calling the server', async () => {
    renderSignIn();
    await userEvent.setup().click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks for the authenticator code after the password of an account with a second factor', async () => {
    fetchMock
      .mockResolvedValueOnce(
        jsonResponse(
          401,
          { status: 401, title: 'Unauthorized', code: 'auth.two_factor_required' },
          'application/problem+json',
        ),
      )
      .mockResolvedValueOnce(
        jsonResponse(
          401,
          { status: 401, title: 'Unauthorized', code: 'auth.two_factor_code_invalid', traceId: '00-3-4-00' },
          'application/problem+json',
        ),
      )
      .mockResolvedValueOnce(jsonResponse(200, wuling));
    renderSignIn(`${SIGN_IN_PATH}?returnUrl=%2Fregions`);
    await signIn('wuling', 'Sunshine@2026');

    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: '输入验证码' })).toBeInTheDocument();
    const code = screen.getByLabelText('验证码');
    await waitFor(() => expect(code).toHaveFocus());
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('验证码不正确或已使用过');
    expect(screen.getByLabelText('验证码')).toHaveValue('');

    await user.type(screen.getByLabelText('验证码'), '654321');
    await user.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('regions page')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[2];
    expect(String(url)).toMatch(/\/api\/auth\/sign-in\/two-factor$/);
    expect(JSON.parse(String(init!.body))).toEqual({ code: '654321' });
  });

  it('checks the code is six digits before calling the server', async () => {
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        401,
        { status: 401, title: 'Unauthorized', code: 'auth.two_factor_required' },
        'application/problem+json',
      ),
    );
    renderSignIn();
    await signIn('wuling', 'Sunshine@2026');
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('验证码'), '12a');
    await user.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByText('请输入 6 位数字验证码')).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('says why when the session ended on its own', () => {
    renderSignIn(`${SIGN_IN_PATH}?reason=idle&returnUrl=%2Fregions`);
    expect(screen.getByRole('status')).toHaveTextContent('您因长时间未操作已自动退出，请重新登录。');
  });
});
