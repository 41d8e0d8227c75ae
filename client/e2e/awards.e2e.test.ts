import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  BASE_URL,
  choose,
  DEMO,
  expectAccessible,
  launchBrowser,
  newPage,
  okJson,
  openFromMenu,
  signIn,
  signInThroughPage,
} from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const apis: APIRequestContext[] = [];

/**
 * Generous limits: the machines that run this are small and shared, and each step signs in, opens
 * several pages and runs axe on each. A hang still fails, naming the locator it waited for.
 */
const STEP_TIMEOUT = 300_000;
const HOOK_TIMEOUT = 120_000;
const ACTION_TIMEOUT = 90_000;

const suffix = Math.floor(Math.random() * 1_000_000);
/** The demo county allocation of 武陵区 that the award is paid from. */
const COUNTY_ALLOCATION = '430702残联发〔演示〕1号';
const GRANT = 10_000;

/** The person the award goes to: the first of 武陵区's demonstration-household screening. */
const beneficiary = { id: '', name: '', idNumberMasked: '' };
const application = { id: '', title: '', name: '' };
/** The county allocation's balance before the payment. */
let balanceBefore = 0;

interface Allocation {
  documentNumber: string;
  balance: number;
}

const yuan = (value: number) => value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function api(userName: string): Promise<APIRequestContext> {
  const client = await apiAs(userName);
  apis.push(client);
  return client;
}

/** Moves the API's clock (the e2e API only): on by whole days, or back to now. */
async function moveClock(advanceDays?: number): Promise<void> {
  const client = await request.newContext({ baseURL: BASE_URL, timeout: ACTION_TIMEOUT });
  try {
    await okJson(
      await client.post(advanceDays ? `/api/testing/clock?advanceDays=${advanceDays}` : '/api/testing/clock'),
    );
  } finally {
    await client.dispose();
  }
}

async function openApplication(): Promise<void> {
  await page.goto(`/awards/applications/${application.id}`);
  await page.getByRole('heading', { level: 1, name: application.title }).waitFor();
}

/** The state shown in the status card. */
async function expectState(state: string): Promise<void> {
  const status = page.locator('.ant-card', { has: page.getByRole('heading', { level: 2, name: '办理情况' }) });
  await status.getByText(state, { exact: true }).waitFor();
}

beforeAll(async () => {
  browser = await launchBrowser();
  const wuling = await api(DEMO.wuling);
  const screening = await okJson<{ rows: { beneficiaryId: string; beneficiaryName: string }[] }>(
    await wuling.get('/api/awards/screening?type=DemonstrationHouseholdAward'),
  );
  // Each run takes one of the few households the demo data makes eligible: run it on a fresh database.
  expect(screening.rows.length, 'a demonstration household to screen in 武陵区').toBeGreaterThan(0);
  beneficiary.id = screening.rows[0].beneficiaryId;
  beneficiary.name = screening.rows[0].beneficiaryName;
  const person = await okJson<{ idNumberMasked: string }>(await wuling.get(`/api/persons/${beneficiary.id}`));
  beneficiary.idNumberMasked = person.idNumberMasked;
  application.title = `奖补申请：${beneficiary.name}`;
  application.name = `${beneficiary.name}的县级阳光致富示范户申请`;
  const allocations = await okJson<Allocation[]>(await wuling.get('/api/funds/allocations'));
  balanceBefore = allocations.find((allocation) => allocation.documentNumber === COUNTY_ALLOCATION)!.balance;
  expect(balanceBefore).toBeGreaterThanOrEqual(GRANT);
}, HOOK_TIMEOUT);

afterAll(async () => {
  try {
    await moveClock();
  } finally {
    await Promise.all(apis.map((client) => client.dispose()));
    await browser?.close();
  }
}, HOOK_TIMEOUT);

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
  context.setDefaultTimeout(ACTION_TIMEOUT);
}, HOOK_TIMEOUT);

afterEach(async () => {
  await context?.close();
}, HOOK_TIMEOUT);

describe('demonstration household award', { timeout: STEP_TIMEOUT }, () => {
  it('is found by the screening of 武陵区, checked in the wizard, and filed and submitted from its row', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '资格筛查');
    const filters = page.locator('form#screeningFilters');
    await choose(page, filters, '奖补类型', '县级阳光致富示范户');
    await filters.getByRole('button', { name: '筛查' }).click();
    const table = page.getByRole('region', { name: '符合县级阳光致富示范户条件、尚未申请的对象' });
    const row = table.locator('.ant-table-row', { hasText: beneficiary.name }).first();
    await row.waitFor();
    await expect(row.getByRole('cell', { name: '武陵区' }).isVisible()).resolves.toBe(true);
    await expect(row.getByRole('cell', { name: yuan(GRANT) }).isVisible()).resolves.toBe(true);
    await expect(row.getByRole('cell', { name: '5/5 项符合' }).isVisible()).resolves.toBe(true);
    await row.getByRole('button', { name: /展开行/ }).click();
    const criteria = page.getByRole('region', { name: `${beneficiary.name}的条件，逐项说明` });
    await criteria.getByRole('cell', { name: '申请人网店上一自然年度的净销售额达到门槛' }).waitFor();
    await expect(criteria.locator('.ant-table-row', { hasText: '不符合' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'screening');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // The wizard checks the same person criterion by criterion before anything is created.
    await openFromMenu(page, '奖补申请');
    await page.getByRole('cell', { name: '武陵区' }).first().waitFor();
    await expectAccessible(page, 'award applications');
    await page.getByRole('button', { name: '新建申请' }).click();
    await page.getByRole('heading', { level: 1, name: '新建奖补申请' }).waitFor();
    await page.getByRole('radio', { name: /县级阳光致富示范户/ }).check();
    await expectAccessible(page, 'wizard: award');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { level: 2, name: '第 2 步，共 3 步：选择申请对象' }).waitFor();
    await page.getByLabel('申请人').fill(beneficiary.name);
    await page
      .locator('.ant-select-item-option', { hasText: `${beneficiary.name}（${beneficiary.idNumberMasked}）` })
      .click();
    await expectAccessible(page, 'wizard: beneficiary');
    await page.getByRole('button', { name: '下一步' }).click();
    const preview = page.getByRole('region', { name: '按当前信息预审的结果，逐项说明' });
    await preview.getByRole('cell', { name: '申请人是在册的持证残疾人' }).waitFor();
    await expect(preview.locator('.ant-table-row').count()).resolves.toBe(5);
    await expect(preview.locator('.ant-table-row', { hasText: '不符合' }).count()).resolves.toBe(0);
    await expect(
      page
        .getByText(`${yuan(GRANT)} 元`)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page
      .getByRole('region', { name: '按今天的数据计算的事实' })
      .getByRole('cell', { name: /^网店：/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'wizard: preview');
    await page.getByRole('button', { name: '取消' }).click();
    await page.getByRole('heading', { level: 1, name: '奖补申请' }).waitFor();

    // Filed from the screening row: a draft, then submitted from its page.
    await openFromMenu(page, '资格筛查');
    await page
      .getByRole('region', { name: '符合县级阳光致富示范户条件、尚未申请的对象' })
      .getByRole('button', { name: `申请：${beneficiary.name}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: application.title }).waitFor();
    application.id = new URL(page.url()).pathname.split('/').pop()!;
    await expectState('草稿');
    await page.getByText('尚未提交。以下为按今天的数据计算的事实，提交时将固定下来。').waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    const submit = page.getByRole('dialog', { name: `提交审核：${application.name}` });
    await submit.getByRole('button', { name: '提交审核' }).click();
    await submit.waitFor({ state: 'hidden' });
    await expectState('已提交');
    const facts = page.getByRole('region', { name: '提交时固定的事实与现时事实对照' });
    await facts
      .getByRole('cell', { name: /^网店：/ })
      .first()
      .waitFor();
    await expect(facts.getByRole('cell', { name: '有变化' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'submitted application');
  });

  it('is reviewed by a second officer of the county and goes into its public notice', async () => {
    await signIn(page, DEMO.wuling2);
    await openFromMenu(page, '奖补申请');
    await choose(page, page.locator('form#awardFilters'), '办理状态', '已提交');
    await page.locator('form#awardFilters').getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: beneficiary.name }).first().click();
    await page.getByRole('heading', { level: 1, name: application.title }).waitFor();
    await page.getByRole('button', { name: '审核通过' }).click();
    const review = page.getByRole('dialog', { name: `审核通过：${application.name}` });
    await review.getByText(/进入公示/).waitFor();
    await expectAccessible(page, 'review dialog');
    await review.getByRole('button', { name: '审核通过' }).click();
    await review.waitFor({ state: 'hidden' });
    await expectState('公示中');
    await page.getByText(/^公示期：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).waitFor();

    // An objection received during the notice, recorded by the reviewer.
    await page.getByRole('button', { name: '登记异议' }).click();
    const objection = page.getByRole('dialog', { name: `登记异议：${application.name}` });
    await objection.getByLabel('异议内容').fill(`E2E ${suffix}：反映网店销售额含亲友代购。`);
    await expectAccessible(page, 'objection dialog');
    await objection.getByRole('button', { name: '登记异议' }).click();
    await objection.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: '公示期内收到的异议' }).getByText('待处理').waitFor();
    await expect(page.getByRole('button', { name: /^处理：/ }).count()).resolves.toBe(0);
  });

  it('cannot be approved while the objection is open or the notice runs', async () => {
    await signIn(page, DEMO.wuling3);
    await openApplication();
    await expect(page.getByRole('button', { name: '审定通过' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: /^处理：/ }).click();
    const resolve = page.getByRole('dialog', { name: /^处理 .* 收到的异议$/ });
    await resolve.getByRole('radio', { name: '异议不成立：可以继续审批' }).check();
    await resolve.getByLabel('处理意见').fill('经核查，销售记录均为平台确认的真实订单。');
    await expectAccessible(page, 'resolve objection dialog');
    await resolve.getByRole('button', { name: '处理' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: '公示期内收到的异议' }).getByText('异议不成立').waitFor();

    await page.getByRole('button', { name: '审定通过' }).click();
    const approve = page.getByRole('dialog', { name: `审定：${application.name}` });
    await approve.getByRole('button', { name: '审定通过' }).click();
    await approve.getByRole('alert').filter({ hasText: '公示期尚未结束，期满后方可审批。' }).waitFor();
    await approve.getByRole('button', { name: '取消' }).click();
    await approve.waitFor({ state: 'hidden' });
    await expectState('公示中');
  });

  it('is given final approval by a third officer once the notice is over', async () => {
    // Past the 7 days of the notice; the sessions of before end with the move.
    await moveClock(8);
    await signInThroughPage(page, DEMO.wuling3);
    await openApplication();
    await page.getByRole('button', { name: '审定通过' }).click();
    const approve = page.getByRole('dialog', { name: `审定：${application.name}` });
    await approve.getByLabel('意见（选填）').fill('公示期满，无成立的异议。');
    await approve.getByRole('button', { name: '审定通过' }).click();
    await approve.waitFor({ state: 'hidden' });
    await expectState('已审定');
    await expect(page.getByRole('button', { name: '登记发放' }).count()).resolves.toBe(0);
    const history = page.getByRole('region', { name: '办理记录，最早的在前' });
    await history.getByRole('cell', { name: '公示期满，无成立的异议。' }).waitFor();
    await expectAccessible(page, 'approved application');
  });

  it('is paid by the reviewer from the county allocation, whose balance the fund ledger then shows reduced', async () => {
    await signInThroughPage(page, DEMO.wuling2);
    await openApplication();
    await page.getByRole('button', { name: '登记发放' }).click();
    const pay = page.getByRole('dialog', { name: `登记发放：${application.name}` });
    await pay.getByLabel('记账凭证号').fill(`PZ-E2E-${suffix}`);
    await pay.getByLabel('拨付资金').click();
    await page.locator('.ant-select-item-option', { hasText: COUNTY_ALLOCATION }).click();
    await pay.getByLabel('收款人户名').fill(beneficiary.name);
    await pay.getByLabel('开户银行').fill('常德农村商业银行武陵支行');
    await pay.getByLabel('银行账号').fill('6214 8372 0000 1234');
    await expectAccessible(page, 'pay dialog');

    // Parts that fall short of the amount are refused before anything is sent.
    await pay.getByLabel('金额（元）').fill('5000');
    await pay.getByRole('button', { name: '登记发放' }).click();
    await pay.getByText(`各笔合计 ${yuan(5000)} 元，须等于应付金额 ${yuan(GRANT)} 元。`).waitFor();
    await pay.getByLabel('金额（元）').fill(String(GRANT));
    await pay.getByRole('button', { name: '登记发放' }).click();
    await pay.waitFor({ state: 'hidden' });
    await expectState('已发放');
    const payments = page.getByRole('region', { name: '该申请的发放与冲销记录' });
    await payments.getByRole('cell', { name: `PZ-E2E-${suffix}`, exact: true }).waitFor();
    await expect(payments.getByText('**** **** **** 1234').isVisible()).resolves.toBe(true);
    await expect(payments.getByText(`${COUNTY_ALLOCATION}：${yuan(GRANT)} 元`).isVisible()).resolves.toBe(true);

    await openFromMenu(page, '资金台账');
    const allocations = page.getByRole('region', { name: '资金拨付及余额' });
    const allocation = allocations.locator('.ant-table-row', { hasText: COUNTY_ALLOCATION });
    await allocation.getByRole('cell', { name: yuan(balanceBefore - GRANT), exact: true }).waitFor();
    await page.getByText('已平账', { exact: true }).waitFor();
    const ledger = page.getByRole('region', { name: '发放与冲销记录，最新的在前' });
    await ledger
      .locator('.ant-table-row', { hasText: `PZ-E2E-${suffix}` })
      .getByText('有效')
      .waitFor();
    await expectAccessible(page, 'fund ledger');

    const roster = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    expect((await roster).suggestedFilename()).toMatch(/^payment-roster-.*\.xlsx$/);
  });
});
