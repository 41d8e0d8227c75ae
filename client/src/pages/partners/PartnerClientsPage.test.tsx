import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EnterpriseRoles, type EnterpriseDto, type PartnerClientDto, type PartnerClientSecretDto } from '../../api';
import { RequireAuth } from '../../auth/session';
import { CITY, fakeApi } from '../../test/api';
import { jsonResponse, renderRoutes } from '../../test/render';
import { PartnerClientsPage } from './PartnerClientsPage';

const PLATFORM: EnterpriseDto = {
  id: 'e1000000-0000-0000-0000-000000000001',
  name: '阳光优选平台',
  creditCode: '91430700MA4L0000X1',
  roles: [EnterpriseRoles.PartnerPlatform],
  version: 1,
};

const CLIENT: PartnerClientDto = {
  id: 'c1000000-0000-0000-0000-000000000001',
  clientId: 'partner-9f3a2c',
  displayName: '阳光优选生产环境',
  platformId: PLATFORM.id,
  platformName: PLATFORM.name,
  scopes: ['shops.write', 'sales.write', 'catalog.read'],
  createdAt: '2026-11-29T09:00:00Z',
  secretIssuedAt: '2026-11-29T09:00:00Z',
  isActive: true,
};

const SECRET = 'S3cr3t-Only-Once-0123456789abcdef';
const ISSUED: PartnerClientSecretDto = { client: CLIENT, clientSecret: SECRET };

function renderPage(clients: PartnerClientDto[], routes: Parameters<typeof fakeApi>[0] = {}) {
  // As the end-to-end tests do: without animations a dialog is gone once closed.
  const matchMedia = window.matchMedia;
  vi.spyOn(window, 'matchMedia').mockImplementation((query) => ({
    ...matchMedia(query),
    matches: query === '(prefers-reduced-motion: reduce)',
  }));
  const api = fakeApi({
    'GET /api/auth/me': jsonResponse(200, CITY),
    'GET /api/enterprises': jsonResponse(200, { items: [PLATFORM], page: 1, pageSize: 100, totalCount: 1 }),
    'GET /api/partner-clients': jsonResponse(200, clients),
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
        children: [{ path: '/partner-clients', element: <PartnerClientsPage /> }],
      },
    ],
    '/partner-clients',
  );
  return api;
}

/** The secret dialog's fields, read as a screen reader would find them. */
async function secretDialog() {
  const dialog = await screen.findByRole('dialog', { name: `客户端密钥：${CLIENT.displayName}` });
  return {
    dialog,
    secret: within(dialog).getByRole('textbox', { name: '客户端密钥' }),
    clientId: within(dialog).getByRole('textbox', { name: '客户端 ID' }),
  };
}

describe('PartnerClientsPage', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('creates a client and shows its secret once, with a warning and a copy button', async () => {
    const api = renderPage([], { 'POST /api/partner-clients': jsonResponse(201, ISSUED) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '新建接口客户端' }));
    const create = await screen.findByRole('dialog', { name: '新建接口客户端' });
    await user.click(within(create).getByRole('combobox', { name: '电商平台' }));
    await user.click(await screen.findByTitle(PLATFORM.name));
    await user.click(within(create).getByRole('textbox', { name: '客户端名称' }));
    await user.paste(` ${CLIENT.displayName} `);
    expect(within(create).getByRole('checkbox', { name: '读取重点推介产品（catalog.read）' })).toBeChecked();
    await user.click(within(create).getByRole('checkbox', { name: '读取重点推介产品（catalog.read）' }));
    await user.click(within(create).getByRole('button', { name: '创建' }));

    const { dialog, secret, clientId } = await secretDialog();
    expect(api.requests.find((request) => request.init?.method === 'POST')?.body).toEqual({
      platformId: PLATFORM.id,
      displayName: CLIENT.displayName,
      scopes: ['shops.write', 'sales.write'],
    });
    expect(secret).toHaveValue(SECRET);
    expect(secret).toHaveAttribute('readonly');
    expect(clientId).toHaveValue(CLIENT.clientId);
    expect(within(dialog).getByText('密钥只显示这一次')).toBeInTheDocument();
    expect(within(dialog).getByText(/关闭此对话框后，任何人（包括您）都无法再次查看该密钥/)).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: '复制客户端密钥' }));
    await expect(navigator.clipboard.readText()).resolves.toBe(SECRET);

    await user.click(within(dialog).getByRole('button', { name: '我已保存密钥，关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument();
    expect(document.body.textContent).not.toContain(SECRET);
  });

  it('issues a new secret after asking, and shows it once again', async () => {
    const rotated = 'N3w-S3cr3t-abcdef0123456789';
    const api = renderPage([CLIENT], {
      [`POST /api/partner-clients/${CLIENT.id}/secret`]: jsonResponse(200, { ...ISSUED, clientSecret: rotated }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `更换密钥：${CLIENT.displayName}` }));
    const confirm = await screen.findByRole('dialog', { name: `为“${CLIENT.displayName}”更换密钥？` });
    expect(api.requests.some((request) => request.init?.method === 'POST')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: '更换密钥' }));

    const { secret } = await secretDialog();
    expect(secret).toHaveValue(rotated);
  });

  it('revokes a client only after a confirmation', async () => {
    const api = renderPage([CLIENT], {
      [`POST /api/partner-clients/${CLIENT.id}/revocation`]: jsonResponse(200, {
        ...CLIENT,
        isActive: false,
        revokedAt: '2026-11-29T10:00:00Z',
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `吊销：${CLIENT.displayName}` }));
    const confirm = await screen.findByRole('dialog', { name: `吊销接口客户端“${CLIENT.displayName}”？` });
    expect(within(confirm).getByText(/此操作不能撤销/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: '吊销' }));

    expect(await screen.findByText(`已吊销“${CLIENT.displayName}”。`)).toBeInTheDocument();
    expect(
      api.requests.filter((request) => request.init?.method === 'POST').map((request) => request.url.pathname),
    ).toEqual([`/api/partner-clients/${CLIENT.id}/revocation`]);
  });
});
