import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, launchBrowser, newPage } from './support';

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

/** Presses Tab until the focused element matches, failing after a bounded number of presses. */
async function tabTo(target: string): Promise<void> {
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute('id') ?? element?.textContent ?? '';
    });
    if (focused === target) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

describe('keyboard only', () => {
  it('signs in with Tab, typing and Enter', async () => {
    await page.goto('/login');
    await tabTo('signIn_userName');
    await page.keyboard.type(DEMO.wuling);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('signIn_password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '首页' }).waitFor();
  });

  it('offers a skip link first, which moves focus to the main content', async () => {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(DEMO.wuling);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.getByRole('heading', { level: 1, name: '首页' }).waitFor();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: '首页' }).waitFor();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    await expect(skip.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(skip.isVisible()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main-content');
  });

  it('shows a visible focus indicator on focused controls', async () => {
    await page.goto('/login');
    await tabTo('signIn_userName');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { width: style.outlineWidth, style: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(outline.style !== 'none' || outline.shadow !== 'none').toBe(true);
  });
});
