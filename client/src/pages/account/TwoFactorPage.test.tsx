import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequireAuth, TWO_FACTOR_PATH } from '../../auth/session';
import { fakeApi, WULING } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { TwoFactorPage } from './TwoFactorPage';

const ENROLMENT = {
  otpAuthUri: 'otpauth://totp/Sunshine:wuling?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Sunshine',
  manualKey: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
};

function renderPage(path: string, user = { ...WULING, twoFactorEnrolmentRequired: true }) {
  let me = user;
  const api = fakeApi({
    'GET /api/auth/me': () => jsonResponse(200, me),
    'POST /api/auth/two-factor/enrolment': jsonResponse(200, ENROLMENT),
    'POST /api/auth/two-factor/enrolment/confirmation': (request) => {
      if ((request.body as { code: string }).code !== '123456') {
        return jsonResponse(400, {
          status: 400,
          title: 'One or more fields are invalid.',
          code: 'validation.failed',
          errors: { code: ['验证码不匹配。'] },
          fieldErrors: [{ field: 'code', code: 'auth.two_factor_code_invalid', message: '验证码不匹配。' }],
        });
      }
      me = { ...me, twoFactorEnabled: true, twoFactorEnrolmentRequired: false };
      return new Response(null, { status: 204 });
    },
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
          { path: TWO_FACTOR_PATH, element: <TwoFactorPage /> },
          { path: '/persons', element: <p>persons page</p> },
        ],
      },
    ],
    path,
  );
  return api;
}

describe('TwoFactorPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is the only page open while the role requires a second factor', async () => {
    renderPage('/persons');
    expect(await screen.findByRole('heading', { level: 1, name: '双重验证' })).toBeInTheDocument();
    expect(screen.queryByText('persons page')).not.toBeInTheDocument();
    expect(screen.getByText(/您的角色要求启用双重验证/)).toBeInTheDocument();
  });

  it('shows the QR code and the key, and confirms with a code from the app', async () => {
    const user = userEvent.setup();
    const api = renderPage(TWO_FACTOR_PATH);
    await user.click(await screen.findByRole('button', { name: '开始设置' }));

    expect(await screen.findByRole('img', { name: '用于添加账号的二维码' })).toBeInTheDocument();
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();

    await user.type(screen.getByLabelText('验证码'), '000000');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await screen.findByText('验证码不正确或已使用过，请等待下一个验证码。')).toBeInTheDocument();
    expect(screen.getByLabelText('验证码')).toHaveAttribute('aria-invalid', 'true');

    await user.type(screen.getByLabelText('验证码'), '123456');
    await user.click(screen.getByRole('button', { name: '完成设置' }));
    expect(await screen.findByText('双重验证已启用。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/已启用双重验证：登录时/)).toBeInTheDocument());
    expect(api.requests.filter((r) => r.url.pathname === '/api/auth/two-factor/enrolment/confirmation')).toHaveLength(
      2,
    );
  });
});
