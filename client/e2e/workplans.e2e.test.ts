import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiAs, DEMO, expectAccessible, launchBrowser, newPage, okJson, openFromMenu, signIn } from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;
let city: APIRequestContext;

const suffix = Math.floor(Math.random() * 1_000_000);
const round = { title: `E2E 工作方案备案 ${suffix}`, id: '' };

/** A small PDF, as a county would upload it. */
const PLAN = {
  name: '武陵区电商助残工作方案.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.7\n%E2E\n'),
};

function isoDate(daysFromToday: number): string {
  const date = new Date(Date.now() + 8 * 3600_000 + daysFromToday * 86_400_000);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  browser = await launchBrowser();
  city = await apiAs(DEMO.city);
  const regions = await okJson<{ id: string; code: string }[]>(await city.get('/api/regions'));
  const programmes = await okJson<{ id: string; code: string }[]>(await city.get('/api/programmes'));
  const created = await okJson<{ id: string }>(
    await city.post('/api/work-plans/rounds', {
      data: {
        programmeId: programmes.find((programme) => programme.code === 'CD-ECDA-2017')!.id,
        title: round.title,
        deadline: isoDate(30),
        countyIds: regions.filter((region) => ['430702', '430703'].includes(region.code)).map((region) => region.id),
      },
    }),
  );
  round.id = created.id;
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

/** The row of a county in the round's table of filings. */
const filingRow = (county: string) => page.locator('.ant-table-row', { hasText: county });

describe('work plans filed with the city', () => {
  it('a county uploads and submits its plan, and the city files it', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '工作方案备案');
    await expectAccessible(page, 'work plan rounds (county)');
    await page.getByRole('link', { name: round.title }).click();
    await page.getByRole('heading', { level: 1, name: `工作方案备案：${round.title}` }).waitFor();
    // The county sees its own filing only.
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(1);
    await filingRow('武陵区').getByText('待报送').waitFor();
    await expectAccessible(page, 'work plan round (county)');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '上传方案：武陵区' }).click();
    await (await chooser).setFiles(PLAN);
    await filingRow('武陵区').getByRole('link', { name: PLAN.name }).waitFor();
    await page.getByRole('button', { name: '报送：武陵区' }).click();
    await filingRow('武陵区').getByText('已报送').waitFor();
    await expect(page.getByRole('button', { name: '重新上传：武陵区' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'work plan round after submission');

    await context.close();
    ({ context, page } = await newPage(browser));
    await signIn(page, DEMO.city);
    await page.goto(`/work-plans/${round.id}`);
    await page.getByRole('heading', { level: 1, name: `工作方案备案：${round.title}` }).waitFor();
    await filingRow('鼎城区').getByText('待报送').waitFor();
    await expectAccessible(page, 'work plan round (city)');
    await page.getByRole('button', { name: '退回：武陵区' }).click();
    const dialog = page.getByRole('dialog', { name: '退回工作方案：武陵区' });
    await dialog.getByLabel('退回原因').waitFor();
    await expectAccessible(page, 'return dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: '备案：武陵区' }).click();
    await filingRow('武陵区').getByText('已备案').waitFor();

    const filed = await okJson<{ filings: { countyCode: string; status: string }[] }>(
      await city.get(`/api/work-plans/rounds/${round.id}`),
    );
    expect(filed.filings.map((filing) => [filing.countyCode, filing.status])).toEqual([
      ['430702', 'Filed'],
      ['430703', 'Due'],
    ]);
  });

  it('a city officer opens the new-round form: every county a labelled checkbox', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '工作方案备案');
    await expectAccessible(page, 'work plan rounds (city)');
    await page.getByRole('button', { name: '新建备案轮次' }).click();
    const dialog = page.getByRole('dialog', { name: '新建备案轮次' });
    await dialog.getByRole('checkbox', { name: '武陵区' }).waitFor();
    await expectAccessible(page, 'new round dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});

describe('typical cases', () => {
  it('lists the cases and the published ones, and offers the write-up form', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '典型案例');
    await expectAccessible(page, 'typical cases');
    await page.getByRole('tab', { name: '已发布案例（全市）' }).click();
    await page.getByRole('region', { name: '全市已发布的典型案例，按发布时间从新到旧排列' }).waitFor();
    await expectAccessible(page, 'published typical cases');
    await page.getByRole('button', { name: '新增典型案例' }).click();
    const dialog = page.getByRole('dialog', { name: '新增典型案例' });
    await dialog.getByRole('button', { name: '添加关键数据' }).click();
    await dialog.getByLabel('指标').waitFor();
    await expectAccessible(page, 'new typical case dialog');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
});
