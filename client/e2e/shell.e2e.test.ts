import { createHash, randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  DEMO,
  DEMO_PASSWORD,
  expectAccessible,
  launchBrowser,
  newPage,
  openFromMenu,
  signIn,
  signInThroughPage,
} from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context.close();
});

const navigation = () => page.getByRole('navigation', { name: '主导航' });

describe('signed out', () => {
  it('shows an accessible sign-in page with a title', async () => {
    await page.goto('/login');
    await expect(page.title()).resolves.toBe('登录 – 阳光助残扶贫系统');
    await expect(page.getByRole('heading', { level: 1, name: '登录' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'sign-in');
  });

  it('announces wrong credentials', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(DEMO.city);
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '用户名或密码不正确' }).textContent()).resolves.toContain(
      '用户名或密码不正确',
    );
    await expectAccessible(page, 'sign-in with error');
  });

  it('sends a deep link to sign in and back again', async () => {
    await page.goto('/regions?from=link');
    await page.waitForURL(/\/login\?returnUrl=/);
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/regions?from=link');
    await page.getByLabel('用户名').fill(DEMO.city);
    await page.getByLabel('密码').fill('Sunshine@2026');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '行政区划' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/regions');
  });

  it('signs in for the OAuth authorization endpoint and returns to it with a full page load', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const redirectUri = `${BASE_URL}/swagger/oauth2-redirect.html`;
    const query = new URLSearchParams({
      client_id: 'sunshine-swagger',
      response_type: 'code',
      redirect_uri: redirectUri,
      scope: 'api',
      state: 'e2e-state',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    await page.goto(`/connect/authorize?${query}`);
    await page.waitForURL(/\/login\?returnUrl=/);
    await page.getByLabel('用户名').fill(DEMO.city);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/swagger/oauth2-redirect.html');
    const landed = new URL(page.url());
    expect(landed.searchParams.get('state')).toBe('e2e-state');
    expect(landed.searchParams.get('code')).toBeTruthy();
  });

  it('goes to sign-in, keeping the way back, when a request finds the session gone', async () => {
    await signInThroughPage(page, DEMO.city);
    // A home page request still in flight would meet the 401 first and return to the home page instead.
    await page.waitForLoadState('networkidle');
    await context.clearCookies();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL(/\/login\?returnUrl=%2Faudit$/);
    await page.getByLabel('用户名').fill(DEMO.city);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '审计日志' }).waitFor();
  });

  it('ends the session on sign-out and asks to sign in again', async () => {
    await signInThroughPage(page, DEMO.city);
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await page.goto('/audit');
    await page.waitForURL(/\/login\?returnUrl=%2Faudit/);
  });
});

describe('system administrator', () => {
  it('manages accounts and regions, and has no audit log', async () => {
    await signIn(page, DEMO.admin);
    await expect(page.title()).resolves.toBe('首页 – 阳光助残扶贫系统');
    await expect(page.getByText('系统管理员').first().isVisible()).resolves.toBe(true);
    await expect(navigation().getByRole('link', { name: '审计日志' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'home (admin)');

    await openFromMenu(page, '账号管理');
    await page.getByRole('cell', { name: DEMO.wuling, exact: true }).waitFor();
    await expect(page.getByRole('button', { name: `重置密码：${DEMO.wuling}`, exact: true }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.getByRole('button', { name: `设置权限：${DEMO.wuling}`, exact: true }).count()).resolves.toBe(0);
    await expectAccessible(page, 'accounts (admin)');

    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('用户名').waitFor();
    await expectAccessible(page, 'create account dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await openFromMenu(page, '行政区划');
    await page.getByRole('cell', { name: '武陵区', exact: true }).waitFor();
    await expect(page.getByRole('button', { name: '新建区划' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'regions (admin)');

    await page.getByRole('button', { name: '编辑：武陵区' }).click();
    const edit = page.getByRole('dialog', { name: '编辑“武陵区”' });
    await expect(edit.getByLabel('区划代码').inputValue()).resolves.toBe('430702');
    await expectAccessible(page, 'edit region dialog');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
  });

  it('checks the change-password form, then shows server field errors on their fields', async () => {
    await signIn(page, DEMO.admin);
    await openFromMenu(page, '修改密码');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('请输入当前密码').waitFor();
    await expectAccessible(page, 'change password with errors');

    await page.getByLabel('当前密码').fill('not-the-password');
    await page.locator('#changePassword_newPassword').fill('weak');
    await page.locator('#changePassword_newPasswordConfirmation').fill('weak');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码强度不够', { exact: false }).first().waitFor();
    await expect(page.locator('#changePassword_newPassword').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByRole('alert').filter({ hasText: '提交的内容有误' }).waitFor();
  });

  it('shows a 404 page for an unknown path', async () => {
    await signIn(page, DEMO.admin);
    await page.goto('/no-such-page');
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await expect(page.title()).resolves.toBe('页面不存在 – 阳光助残扶贫系统');
    await expectAccessible(page, '404');
  });
});

describe('security administrator', () => {
  it('sets roles, county and permissions', async () => {
    await signIn(page, DEMO.security);
    await openFromMenu(page, '账号管理');
    await page.getByRole('button', { name: `设置权限：${DEMO.wuling}`, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '区县工作人员' }).waitFor();
    await expect(dialog.getByRole('checkbox', { name: '区县工作人员' }).isChecked()).resolves.toBe(true);
    await expect(dialog.getByText('武陵区').first().isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '新建账号' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'access dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已保存').waitFor();
  });

  it('shows the translated reason when the API refuses a role combination', async () => {
    await signIn(page, DEMO.security);
    await openFromMenu(page, '账号管理');
    await page.getByRole('button', { name: `设置权限：${DEMO.auditor}`, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: '系统管理员' }).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.getByRole('alert').filter({ hasText: '所选角色不能由同一账号同时担任' }).first().waitFor();
    await expectAccessible(page, 'access dialog with a conflict');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('city officer', () => {
  it('reads regions without editing and verifies the audit chain', async () => {
    await signIn(page, DEMO.city);
    await expectAccessible(page, 'home (city)');

    await openFromMenu(page, '行政区划');
    await page.getByRole('cell', { name: '鼎城区', exact: true }).waitFor();
    await expect(page.getByRole('button', { name: '新建区划' }).count()).resolves.toBe(0);
    await expect(navigation().getByRole('link', { name: '账号管理' }).count()).resolves.toBe(0);

    await openFromMenu(page, '审计日志');
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, 'audit log (city)');
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/审计链完整/).waitFor();
  });
});

describe('county officers', () => {
  it('see their own county and no account management', async () => {
    await signIn(page, DEMO.wuling);
    await expect(page.getByText('武陵区').first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('区县工作人员').first().isVisible()).resolves.toBe(true);
    await expect(navigation().getByRole('link', { name: '账号管理' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'home (wuling)');

    await page.goto('/accounts');
    await page.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
    await expectAccessible(page, 'forbidden');
  });

  it('shows 鼎城区 to its officer', async () => {
    await signIn(page, DEMO.dingcheng);
    await expect(page.getByText('鼎城区').first().isVisible()).resolves.toBe(true);
  });
});

describe('auditor', () => {
  it('reads the audit log and the changes of an entry', async () => {
    await signIn(page, DEMO.auditor);
    await openFromMenu(page, '审计日志');
    await page.locator('.ant-table-row').first().waitFor();
    await page
      .getByRole('button', { name: /展开行/ })
      .first()
      .click();
    await page.locator('.json-block').first().waitFor();
    await expectAccessible(page, 'audit log with an expanded entry');

    await page.getByLabel('对象类型').fill('Account');
    await page.getByRole('button', { name: '查询' }).click();
    // The rows shown before the filter applies are of every type: wait until the table shows its result.
    const types = page.locator('.ant-table-row td:nth-child(5)');
    await expect
      .poll(
        async () => {
          const shown = await types.allTextContents();
          return shown.length > 0 && shown.every((type) => type === 'Account');
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  });
});
