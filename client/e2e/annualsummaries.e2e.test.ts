import { statSync } from 'node:fs';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  DEMO,
  expectAccessible,
  fillDate,
  launchBrowser,
  newPage,
  okJson,
  openFromMenu,
  signIn,
} from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let city: APIRequestContext;

/** The year of the round: the latest before this one that has no round yet (last year on a fresh database). */
let year = 0;
const suffix = Math.floor(Math.random() * 1_000_000);
const SECTIONS = {
  主要成绩: `E2E 主要成绩 ${suffix}：培训残疾人 37 人，新开网店 5 家。`,
  典型经验: 'E2E 典型经验：村级电商服务站带动残疾人就业。',
  存在问题: 'E2E 存在问题：物流成本偏高。',
  下年度计划: 'E2E 下年度计划：新开网店 10 家。',
};
const REASON = `E2E 退回：请补充典型经验的具体数据 ${suffix}`;

beforeAll(async () => {
  browser = await launchBrowser();
  city = await apiAs(DEMO.city);
  const rounds = await okJson<{ year: number }[]>(await city.get('/api/annual-summaries'));
  const used = new Set(rounds.map((round) => round.year));
  year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() - 1;
  while (used.has(year)) year -= 1;
});

afterAll(async () => {
  await city.dispose();
  await browser.close();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context.close();
});

/** Signs out of the current context and signs in as another officer in a fresh one. */
async function switchTo(userName: string): Promise<void> {
  await context.close();
  ({ context, page } = await newPage(browser));
  await signIn(page, userName);
}

/** The row of a county in the round's table of counties. */
const countyRow = (county: string) =>
  page
    .getByRole('region', { name: '各区县年度工作总结的状态和报送时间' })
    .locator('.ant-table-row', { hasText: county });

describe('annual summaries', () => {
  it('the city opens a round; a county writes and submits; the city compiles, exports and returns it', async () => {
    // The city opens the year's round in the SPA.
    await signIn(page, DEMO.city);
    await openFromMenu(page, '年度工作总结');
    await expectAccessible(page, 'annual summary rounds (city)');
    await page.getByRole('button', { name: '开启年度总结' }).click();
    const open = page.getByRole('dialog', { name: '开启年度总结' });
    await open.getByRole('spinbutton', { name: '年度' }).fill(String(year));
    await fillDate(open, '数据截止日期', `${year}-10-31`);
    await open.getByText(`留空则为 ${year}-11-05。`).waitFor();
    await expectAccessible(page, 'open round dialog');
    await open.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: `${year}年度工作总结` }).waitFor();
    const roundId = /\/annual-summaries\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1];
    await countyRow('武陵区').getByText('逾期未报').waitFor();
    await expectAccessible(page, 'annual summary round (city)');

    // Wuling writes its sections, saves them, submits and sees its indicators frozen.
    await switchTo(DEMO.wuling);
    await openFromMenu(page, '年度工作总结');
    await expectAccessible(page, 'annual summary rounds (county)');
    await page.getByRole('link', { name: `${year}年度工作总结` }).click();
    await page.getByRole('heading', { level: 1, name: `武陵区${year}年度工作总结` }).waitFor();
    await expect(page.url()).toContain(`/annual-summaries/${roundId}/counties/`);
    await expectAccessible(page, 'annual summary (county, to write)');
    for (const [label, text] of Object.entries(SECTIONS)) {
      await page.getByRole('textbox', { name: label }).fill(text);
    }
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('总结已保存').waitFor();
    await page.getByRole('button', { name: '报送' }).click();
    const confirm = page.getByRole('dialog', { name: '报送年度工作总结？' });
    await confirm.getByText(`截至 ${year}-10-31 的指标将被冻结`, { exact: false }).waitFor();
    await expectAccessible(page, 'submit confirmation');
    await confirm.getByRole('button', { name: '报送' }).click();
    await page.getByRole('heading', { level: 2, name: `报送时冻结的指标（数据截至 ${year}-10-31）` }).waitFor();
    await expect(page.getByRole('textbox', { name: '主要成绩' }).count()).resolves.toBe(0);
    await page.getByText(SECTIONS.主要成绩).waitFor();
    await page.getByText('已报送', { exact: true }).first().waitFor();
    // Due on 5 November of last year: submitted late.
    await page.getByText('逾期提交').first().waitFor();
    await expectAccessible(page, 'annual summary (county, submitted)');

    // The city sees it submitted, downloads the compilation and returns the summary.
    await switchTo(DEMO.city);
    await page.goto(`/annual-summaries/${roundId}`);
    await page.getByRole('heading', { level: 1, name: `${year}年度工作总结` }).waitFor();
    await countyRow('武陵区').getByText('已报送').waitFor();
    await countyRow('武陵区').getByText('逾期提交').waitFor();
    await countyRow('鼎城区').getByText('逾期未报').waitFor();
    await page.getByRole('heading', { level: 2, name: '全市汇总' }).waitFor();
    await page.getByRole('region', { name: '培训' }).waitFor();
    await expectAccessible(page, 'annual summary round with a submission (city)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出汇总 XLSX' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(file.suggestedFilename()).toContain(String(year));
    expect(statSync(await file.path()).size).toBeGreaterThan(0);

    await page.getByRole('link', { name: '武陵区年度工作总结' }).click();
    await page.getByRole('heading', { level: 1, name: `武陵区${year}年度工作总结` }).waitFor();
    await page.getByText(SECTIONS.下年度计划).waitFor();
    await expectAccessible(page, 'annual summary (city, submitted)');
    await page.getByRole('button', { name: '退回' }).click();
    const giveBack = page.getByRole('dialog', { name: '退回年度工作总结：武陵区' });
    await giveBack.getByLabel('退回原因').fill(REASON);
    await expectAccessible(page, 'return dialog');
    await giveBack.getByRole('button', { name: '退回' }).click();
    await giveBack.waitFor({ state: 'hidden' });
    await page.getByText(REASON).waitFor();
    await expect(page.getByRole('button', { name: '退回' }).count()).resolves.toBe(0);

    const compilation = await okJson<{ counties: { countyName: string; standing: string }[] }>(
      await city.get(`/api/annual-summaries/${roundId}/compilation`),
    );
    // Returned stays "returned" after the due date too: the county has the reason to act on.
    expect(compilation.counties.find((county) => county.countyName === '武陵区')?.standing).toBe('Returned');

    // Wuling sees it returned with the reason, and can write it again.
    await switchTo(DEMO.wuling);
    await page.goto(`/annual-summaries/${roundId}`);
    await page.getByRole('heading', { level: 1, name: `武陵区${year}年度工作总结` }).waitFor();
    await page.getByText('市残联已退回本总结，请修改后重新报送').waitFor();
    await page.getByText(`退回原因：${REASON}`).waitFor();
    await expect(page.getByRole('textbox', { name: '主要成绩' }).inputValue()).resolves.toBe(SECTIONS.主要成绩);
    await expectAccessible(page, 'annual summary (county, returned)');
  });
});

describe('notification centre', () => {
  it('a county officer follows the bell to the work plan reminder, which is then read', async () => {
    await signIn(page, DEMO.wuling);
    const bell = page.getByRole('banner').getByRole('link', { name: /^通知/ });
    // The reminder job runs a few seconds after the API starts.
    let unread = 0;
    for (let attempt = 0; attempt < 10 && unread === 0; attempt++) {
      if (attempt > 0) {
        await page.waitForTimeout(2000);
        await page.reload();
      }
      await bell.waitFor();
      const name = (await bell.getAttribute('aria-label')) ?? '';
      unread = Number(/（(\d+)条未读）/.exec(name)?.[1] ?? 0);
    }
    expect(unread).toBeGreaterThan(0);
    await expectAccessible(page, 'home with the notification bell');

    await bell.click();
    await page.getByRole('heading', { level: 1, name: '通知中心' }).waitFor();
    await expectAccessible(page, 'notification centre');
    const reminder = page.getByRole('link', { name: /县级工作计划将于.*截止（还有10天）/ }).first();
    const row = page.locator('.ant-table-row', { has: reminder });
    await row.getByText('未读').waitFor();
    await row.getByText('截止前14天').waitFor();
    await reminder.click();
    await page.getByRole('heading', { level: 1, name: /^工作方案备案：.*年度县级工作计划$/ }).waitFor();
    await expectAccessible(page, 'work plan round from the reminder');
    await expect
      .poll(async () => {
        const name = (await bell.getAttribute('aria-label')) ?? '';
        return Number(/（(\d+)条未读）/.exec(name)?.[1] ?? 0);
      })
      .toBe(unread - 1);

    await bell.click();
    await page.getByRole('heading', { level: 1, name: '通知中心' }).waitFor();
    await page.locator('.ant-table-row', { has: reminder }).getByText('已读').waitFor();
  });
});
