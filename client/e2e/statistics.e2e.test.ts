import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
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
let cityApi: APIRequestContext;

/** The demo data's sales lie in 2024 and 2025; this year's months may be empty. */
/** The demo sales are the 18 months before this one: the previous year (China Standard Time) always has its December. */
const DEMO_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1;

interface MonthlyTrends {
  months: { month: string; salesOrders: number; salesAmount: number }[];
}

beforeAll(async () => {
  browser = await launchBrowser();
  cityApi = await apiAs(DEMO.city);
});

afterAll(async () => {
  await cityApi.dispose();
  await browser.close();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context.close();
});

/** The card whose heading (h2) is the title. */
function card(title: string | RegExp): Locator {
  return page.locator('.ant-card').filter({ has: page.getByRole('heading', { level: 2, name: title }) });
}

describe('statistics', { timeout: 180_000 }, () => {
  it('shows the dashboard’s gauges and charts with their data tables', async () => {
    await signIn(page, DEMO.city);
    await page.getByRole('heading', { level: 2, name: '目标完成情况' }).waitFor();
    // The gauges: each figure against its target, in words.
    await expect.poll(() => page.getByText(/^实际 [\d,]+ \/ 目标 [\d,]+（[\d.]+%）$/).count()).toBe(4);

    // The monthly trends of the demo year: the chart is an image named by its summary …
    const sales = card(/网络销售月度趋势/);
    await sales.getByLabel('年份').click();
    await page.locator(`.ant-select-item-option[title="${DEMO_YEAR}年"]`).click();
    await sales.getByRole('heading', { name: `${DEMO_YEAR}年网络销售月度趋势` }).waitFor();
    const chart = sales.getByRole('img', { name: new RegExp(`^${DEMO_YEAR}年各月网络销售：销售额合计`) });
    await chart.waitFor();
    expect(await chart.evaluate((element) => element.tagName.toLowerCase())).toBe('svg');

    // … and its data table gives the numbers the API reports.
    const trends = await okJson<MonthlyTrends>(await cityApi.get(`/api/statistics/trends?year=${DEMO_YEAR}`));
    await sales.getByRole('button', { name: `数据表（${DEMO_YEAR}年网络销售月度趋势）` }).click();
    const table = page.getByRole('table', { name: `${DEMO_YEAR}年网络销售月度趋势：数据表` });
    const december = table.getByRole('row', { name: /^12月/ });
    await expect.poll(() => december.textContent()).toContain(trends.months[11].salesOrders.toLocaleString('zh-CN'));
    expect(trends.months[11].salesOrders).toBeGreaterThan(0);

    // The counties compared, and the county table with its drill-down links.
    await page.getByRole('img', { name: /个区县的培训残疾人数柱状图/ }).waitFor();
    const counties = page.getByRole('table', { name: '各区县主要指标' });
    await counties.getByRole('link', { name: '查看人员：武陵区' }).waitFor();
    await expectAccessible(page, 'the dashboard');

    await counties.getByRole('link', { name: '查看网店：武陵区' }).click();
    await page.getByRole('heading', { level: 1, name: '网店' }).waitFor();
    expect(new URL(page.url()).searchParams.get('countyId')).toBeTruthy();
  });

  it('shows a county officer their county, not a city-wide total', async () => {
    await signIn(page, DEMO.wuling);
    const comparison = card(/各区县对比/);
    await comparison.getByText(/^合计：/).waitFor();
    expect(await comparison.getByText(/^全市/).count()).toBe(0);
    await page.getByRole('table', { name: '各区县主要指标' }).getByRole('link', { name: '查看人员：武陵区' }).waitFor();
    await expectAccessible(page, 'the county officer’s dashboard');
  });

  it('exports the statistics of a period and issues them as a bulletin', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '统计数据');
    await page.getByLabel('年份').click();
    await page.locator(`.ant-select-item-option[title="${DEMO_YEAR}年"]`).click();
    await page.getByRole('heading', { level: 2, name: `统计期间：${DEMO_YEAR}-01-01 至 ${DEMO_YEAR}-12-31` }).waitFor();
    await page
      .getByRole('table', { name: '网络销售' })
      .getByRole('row', { name: /网络销售额/ })
      .waitFor();
    await expectAccessible(page, 'the statistics page');

    for (const [label, extension] of [
      ['导出 XLSX', '.xlsx'],
      ['导出 CSV', '.csv'],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`\\${extension}$`));
      expect(await download.failure()).toBeNull();
    }

    const title = `${DEMO_YEAR}年度统计通报 E2E ${Math.floor(Math.random() * 1_000_000)}`;
    await page.getByRole('button', { name: '发布通报' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('通报标题').fill(title);
    await dialog.getByRole('button', { name: '发布' }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(/^统计通报〔\d{4}〕第\d+号$/).waitFor();
    await page.getByRole('table', { name: '网络销售' }).waitFor();
    await expectAccessible(page, 'a bulletin');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 XLSX' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    await openFromMenu(page, '统计通报');
    await page.getByRole('link', { name: title }).waitFor();
    await expectAccessible(page, 'the bulletins');
  });

  it('lets a city officer set a county’s targets', async () => {
    const programmeId = await currentProgrammeId();
    const programmes = await okJson<{ id: string; periodEnd: string }[]>(await cityApi.get('/api/programmes'));
    const targetDate = programmes.find((programme) => programme.id === programmeId)!.periodEnd;
    const trained = 200 + Math.floor(Math.random() * 100);

    await signIn(page, DEMO.city);
    await openFromMenu(page, '目标任务');
    const field = (name: string) => page.getByRole('spinbutton', { name });
    await field('培训残疾人（人）：武陵区').waitFor();
    await expectAccessible(page, 'the targets');
    await field('培训残疾人（人）：武陵区').fill(String(trained));
    await field('致富带头人（人）：武陵区').fill('12');
    await field('带动贫困残疾人家庭（户）：武陵区').fill('');
    await fillDate(page, '目标日期：武陵区', targetDate);
    await page.getByRole('button', { name: '保存' }).click();
    // A started row needs every figure.
    await page.getByText('填写了本行的目标，此项也须填写。').first().waitFor();
    await expectAccessible(page, 'the targets with an error');
    await field('带动贫困残疾人家庭（户）：武陵区').fill('150');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存').first().waitFor();

    const saved = await okJson<{ countyName?: string; trainedPeople: number; targetDate: string }[]>(
      await cityApi.get(`/api/statistics/targets?programmeId=${programmeId}`),
    );
    expect(saved.find((target) => target.countyName === '武陵区')).toMatchObject({
      trainedPeople: trained,
      targetDate,
    });
  });
});

/** The programme the dashboard measures against and the targets page edits: the one running today. */
async function currentProgrammeId(): Promise<string> {
  return (await okJson<{ programmeId: string }>(await cityApi.get('/api/statistics/progress'))).programmeId;
}
