import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  request,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://127.0.0.1:5080').replace(/\/$/, '');

/** The seeded demo accounts; all share one password. */
export const DEMO_PASSWORD = 'Sunshine@2026';
export const DEMO = {
  admin: 'admin',
  security: 'security',
  city: 'city',
  city2: 'city2',
  wuling: 'wuling',
  wuling2: 'wuling2',
  wuling3: 'wuling3',
  dingcheng: 'dingcheng',
  auditor: 'auditor',
} as const;

/** Debian's Chromium; the flags keep it from reaching for the network or a GPU. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (AxeBuilder needs one) in Chinese, the default interface language. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'zh-CN',
    // Officers work in China Standard Time; the server's dates (a notice's days, "today") are that zone's,
    // so a browser on UTC would pick yesterday's date between 16:00 and 24:00 UTC.
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1366, height: 900 },
    // The app then turns AntD's animations off, so axe never checks a dialog half faded in.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the real sign-in page and waits for the shell. */
export async function signInThroughPage(page: Page, userName: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(userName);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;
const sessions = new Map<string, Cookies>();

/**
 * Signs in as a demo account: through the real page the first time in a test file, then by reusing
 * that session cookie, which keeps the suite well inside the API's sign-in rate limit.
 */
export async function signIn(page: Page, userName: string): Promise<void> {
  const cookies = sessions.get(userName);
  if (!cookies) {
    await signInThroughPage(page, userName);
    sessions.set(userName, await page.context().cookies());
    return;
  }
  await page.context().addCookies(cookies);
  await page.goto('/');
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Opens a page from the side navigation, as a user would, and waits for its heading. */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Chooses an option of an AntD select, opened by its label. */
export async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label).click();
  await page.locator(`.ant-select-item-option[title="${option}"]`).click();
}

/** Types a date into an AntD date picker, opened by its label, and leaves it. */
export async function fillDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  await scope.getByLabel(label).fill(date);
  await scope.getByLabel(label).press('Tab');
}

/** An API client signed in as the user (a session cookie of its own), for setting up test data. */
export async function apiAs(userName: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: BASE_URL });
  const response = await api.post('/api/auth/sign-in', { data: { userName, password } });
  expect(response.status(), `sign in as ${userName}`).toBe(200);
  return api;
}

/** The JSON body of a response that must have succeeded. */
export async function okJson<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(response.ok(), `${response.url()}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

function describe(violation: Violation): string {
  const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`);
  return `[${violation.impact}] ${violation.id}: ${violation.help}\n${targets.join('\n')}`;
}

/** Runs axe for WCAG 2.1 A/AA and fails on any serious or critical violation, printing them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    process.stderr.write(`axe violations on ${label}:\n${blocking.map(describe).join('\n')}\n`);
  }
  expect(
    blocking.map((violation) => violation.id),
    `axe violations on ${label}`,
  ).toEqual([]);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';

function randomInteger(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

/** The ISO 7064 MOD 11-2 check character of a resident ID number's first 17 digits. */
export function idCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
  return ID_CHECK_CHARACTERS[sum % 11];
}

/**
 * A valid resident ID number with a test address code (439901), a random birth date and sequence, so
 * that reruns against the same database do not collide.
 */
export function randomIdNumber(): string {
  const pad = (value: number, length: number) => String(value).padStart(length, '0');
  const first17 =
    '439901' +
    pad(randomInteger(1950, 2005), 4) +
    pad(randomInteger(1, 12), 2) +
    pad(randomInteger(1, 28), 2) +
    pad(randomInteger(0, 999), 3);
  return first17 + idCheckCharacter(first17);
}

/** The same number with a wrong check character. */
export function withWrongCheckCharacter(idNumber: string): string {
  const wrong = ID_CHECK_CHARACTERS[(ID_CHECK_CHARACTERS.indexOf(idNumber[17]) + 1) % 11];
  return idNumber.slice(0, 17) + wrong;
}

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid unified social credit code (GB 32100) of a Changde enterprise, random so reruns do not collide. */
export function randomCreditCode(): string {
  const body =
    '91430700' +
    Array.from({ length: 9 }, () => CREDIT_CODE_ALPHABET[randomInteger(0, CREDIT_CODE_ALPHABET.length - 1)]).join('');
  const sum = [...body].reduce(
    (total, character, index) => total + CREDIT_CODE_ALPHABET.indexOf(character) * CREDIT_CODE_WEIGHTS[index],
    0,
  );
  const check = 31 - (sum % 31);
  return body + CREDIT_CODE_ALPHABET[check === 31 ? 0 : check];
}
