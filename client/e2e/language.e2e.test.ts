import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO, expectAccessible, launchBrowser, newPage, signIn } from './support';

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

describe('language switch', () => {
  it('switches the sign-in page to English and remembers it', async () => {
    await page.goto('/login');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.title()).resolves.toBe('Sign in – Sunshine Disability Assistance');
    await expectAccessible(page, 'sign-in (English)');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expect(page.getByLabel('User name').isVisible()).resolves.toBe(true);
  });

  it('shows the signed-in shell and server messages in English', async () => {
    await signIn(page, DEMO.city);
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await expect(
      page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Audit log' }).isVisible(),
    ).resolves.toBe(true);
    await expect(page.getByText('City officer').first().isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'home (English)');

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Regions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regions' }).waitFor();
    await page.getByRole('cell', { name: 'Prefecture-level city' }).first().waitFor();
    await expectAccessible(page, 'regions (English)');
  });
});
