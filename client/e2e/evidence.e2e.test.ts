import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  choose,
  DEMO,
  expectAccessible,
  fillDate,
  launchBrowser,
  newPage,
  okJson,
  openFromMenu,
  randomCreditCode,
  randomIdNumber,
  signIn,
} from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const apis: APIRequestContext[] = [];

const suffix = Math.floor(Math.random() * 1_000_000);
const enterprise = { name: `E2E 阳光电商 ${suffix}`, creditCode: randomCreditCode() };
const base = { name: `E2E 阳光基地 ${suffix}` };
/** Registered disabled people of 武陵区: who runs the base, an employee, a household head who borrows. */
const operator = { name: `基地经营者${suffix}`, id: '' };
const employee = { name: `吸纳员工${suffix}`, id: '' };
const head = { name: `联结户主${suffix}`, id: '' };

interface Identified {
  id: string;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const wuling = await apiAs(DEMO.wuling);
  apis.push(wuling);
  const regions = await okJson<{ id: string; code: string }[]>(await wuling.get('/api/regions'));
  const countyId = regions.find((region) => region.code === '430702')!.id;
  for (const person of [operator, employee, head]) {
    const idNumber = randomIdNumber();
    const created = await okJson<Identified>(
      await wuling.post('/api/persons', {
        data: {
          name: person.name,
          idNumber,
          certificateNumber: `${idNumber}42`,
          countyId,
          registration: 'Rural',
        },
      }),
    );
    person.id = created.id;
  }
  // The head's household, registered-poor: a disabled household a benefit link can be with.
  await okJson(
    await wuling.post('/api/households', {
      data: {
        countyId,
        headPersonId: head.id,
        isRegisteredPoor: true,
        registeredPoorYear: 2016,
        poorHouseholdNumber: `E2E-${suffix}`,
      },
    }),
  );
});

afterAll(async () => {
  await Promise.all(apis.map((client) => client.dispose()));
  await browser.close();
});

beforeEach(async () => {
  ({ context, page } = await newPage(browser));
});

afterEach(async () => {
  await context.close();
});

/** Types into a select that searches the API (a person, an enterprise, a base) and picks the match. */
async function search(scope: Locator, label: string, text: string): Promise<void> {
  await scope.getByLabel(label).fill(text);
  await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
}

/** A row of a table, by a text in it. */
const row = (text: string) => page.locator('.ant-table-row', { hasText: text });

/** The figure of one of the enterprise's evidence counts, by its label. */
const evidenceFigure = (label: string) =>
  page.locator('.evidence-count', { has: page.locator('dt', { hasText: label }) }).locator('.evidence-figure');

async function openEnterprise(): Promise<void> {
  await openFromMenu(page, '企业');
  await page.getByLabel('名称包含').fill(enterprise.name);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: enterprise.name }).click();
  await page.getByRole('heading', { level: 1, name: `企业：${enterprise.name}` }).waitFor();
}

describe('evidence records of a county officer', () => {
  it('registers an enterprise with its profile', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '企业');
    await page.getByRole('button', { name: '登记企业' }).click();
    const create = page.getByRole('dialog', { name: '登记企业' });
    await create.getByLabel('企业名称').fill(enterprise.name);
    await create.getByLabel('统一社会信用代码').fill(enterprise.creditCode);
    await create.getByRole('checkbox', { name: '电商企业' }).check();
    await create.getByRole('checkbox', { name: '第三方服务机构' }).check();
    await create.getByLabel('联系人').fill('王经理');
    await create.getByLabel('联系电话').fill('0736-7251234');
    await create.getByLabel('地址').fill('武陵区人民路 1 号');
    await expectAccessible(page, 'enterprise dialog with profile');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
  });

  it('registers a Sunshine base run by a registered disabled person', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '阳光就业扶贫基地');
    await expectAccessible(page, 'bases');
    await page.getByRole('button', { name: '登记基地' }).click();
    const create = page.getByRole('dialog', { name: '登记基地' });
    await create.getByLabel('基地名称').fill(base.name);
    await search(create, '经营者（残疾人）', operator.name);
    await create.getByLabel('主要产品').fill('柑橘、茶叶');
    await expectAccessible(page, 'new base dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });

    await page.getByLabel('名称包含').fill(base.name);
    await page.getByRole('button', { name: '查询' }).click();
    await row(base.name).getByRole('link', { name: operator.name }).waitFor();
    await row(base.name).getByText('有效').waitFor();
  });

  it("records the enterprise's supply agreement with the base", async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '直采直供协议');
    await expectAccessible(page, 'supply agreements');
    await page.getByRole('button', { name: '登记协议' }).click();
    const create = page.getByRole('dialog', { name: '登记协议' });
    await search(create, '企业', enterprise.name);
    await search(create, '协议基地', base.name);
    await fillDate(create, '开始日期', '2024-01-01');
    await create.getByLabel('协议产品').fill('柑橘');
    await expectAccessible(page, 'new agreement dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
    await row(`基地：${base.name}`).getByText('2024-01-01 起，长期').waitFor();

    await page.getByRole('button', { name: `终止：${base.name}` }).click();
    const terminate = page.getByRole('dialog', { name: `终止协议：${enterprise.name} 与 ${base.name}` });
    await terminate.getByLabel('最后有效日').waitFor();
    await expectAccessible(page, 'terminate agreement dialog');
    await terminate.getByRole('button', { name: '取消' }).click();
    await terminate.waitFor({ state: 'hidden' });
  });

  it('records that the enterprise employs a disabled person', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '吸纳就业');
    await expectAccessible(page, 'employment');
    await page.getByRole('button', { name: '登记就业' }).click();
    const create = page.getByRole('dialog', { name: '登记就业' });
    await search(create, '用人企业', enterprise.name);
    await search(create, '残疾人', employee.name);
    await choose(page, create, '岗位类别', '客服');
    await create.getByRole('radio', { name: '全日制', exact: true }).check();
    await fillDate(create, '开始日期', '2024-03-01');
    await expectAccessible(page, 'new employment dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
    await row(employee.name).getByText('工作人员登记').waitFor();

    await page.getByRole('button', { name: `登记离职：${employee.name}` }).click();
    const end = page.getByRole('dialog', { name: `登记离职：${employee.name}（${enterprise.name}）` });
    await end.getByLabel('最后有效日').waitFor();
    await expectAccessible(page, 'end employment dialog');
    await end.getByRole('button', { name: '取消' }).click();
    await end.waitFor({ state: 'hidden' });
  });

  it("counts the base and the employee as the enterprise's evidence", async () => {
    await signIn(page, DEMO.wuling);
    await openEnterprise();
    await page.getByText('王经理').waitFor();
    await page.getByText('第三方服务机构').waitFor();
    await evidenceFigure('有有效协议的阳光基地').waitFor();
    await expect(evidenceFigure('有有效协议的阳光基地').textContent()).resolves.toBe('1');
    await expect(evidenceFigure('吸纳就业的残疾人').textContent()).resolves.toBe('1');
    await expect(evidenceFigure('稳定带动的残疾人家庭').textContent()).resolves.toBe('0');
    await page.getByText(/年中至少 \d+ 个月有该企业产品代销或保护价收购金额记录/).waitFor();
    await row(`基地：${base.name}`).waitFor();
    await expectAccessible(page, 'enterprise detail');

    await page.getByRole('tab', { name: '吸纳就业' }).click();
    await row(employee.name).getByText('客服').waitFor();
    await expectAccessible(page, 'enterprise detail, employment tab');
    await page.getByRole('tab', { name: '利益联结' }).click();
    await page.getByText('暂无利益联结').waitFor();
    await expectAccessible(page, 'enterprise detail, benefit links tab');
  });

  it('records a benefit link with the household and what it brought in a month', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '利益联结');
    await page.getByText('带动的家庭').waitFor();
    await expectAccessible(page, 'benefit links');
    await page.getByRole('button', { name: '登记利益联结' }).click();
    const create = page.getByRole('dialog', { name: '登记利益联结' });
    await search(create, '联结企业', enterprise.name);
    await search(create, '残疾人家庭', head.name);
    await choose(page, create, '联结方式', '产品代销');
    await fillDate(create, '开始日期', '2024-01-01');
    await expectAccessible(page, 'new benefit link dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: `利益联结：户主 ${head.name}` }).waitFor();
    await expectAccessible(page, 'benefit link');

    await page.getByRole('button', { name: '录入月度金额' }).click();
    const months = page.getByRole('dialog', { name: `录入月度金额：户主 ${head.name}` });
    await fillDate(months.getByRole('group', { name: '第 1 行' }), '月份', '2024-01');
    await months.getByRole('group', { name: '第 1 行' }).getByLabel('金额（元）').fill('300');
    await months.getByRole('button', { name: '再加一个月' }).click();
    await fillDate(months.getByRole('group', { name: '第 2 行' }), '月份', '2024-02');
    await months.getByRole('group', { name: '第 2 行' }).getByLabel('金额（元）').fill('450.5');
    await expectAccessible(page, 'monthly amounts dialog');
    await months.getByRole('button', { name: '保存' }).click();
    await months.waitFor({ state: 'hidden' });
    await page.getByText('累计 750.50 元（2 个月）。').waitFor();
    await row('2024-02').getByText('450.50').waitFor();
  });
});

describe('a micro-loan and its interest subsidy', () => {
  it('records a loan with its rate as a percentage, and a repayment', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '小额信贷');
    await expectAccessible(page, 'loans');
    await page.getByRole('button', { name: '登记贷款' }).click();
    const create = page.getByRole('dialog', { name: '登记贷款' });
    await search(create, '借款人', head.name);
    await choose(page, create, '贷款项目', '扶贫小额信贷');
    await create.getByLabel('贷款机构').fill('常德农商银行');
    await create.getByLabel('贷款本金（元）').fill('50000');
    await create.getByLabel('年利率（%）').fill('4.35');
    await fillDate(create, '放款日期', '2024-01-15');
    await create.getByLabel('期限（月）').fill('36');
    await expectAccessible(page, 'new loan dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: `贷款：${head.name}` }).waitFor();
    await page.getByText('4.35%').waitFor();
    await page.getByText('2024-01-15 起 36 个月，2027-01-15 到期').waitFor();
    await expectAccessible(page, 'loan');

    await page.getByRole('button', { name: '登记还本' }).click();
    const repay = page.getByRole('dialog', { name: `登记还本：${head.name}` });
    await fillDate(repay, '还款日期', '2024-07-15');
    await repay.getByLabel('归还本金（元）').fill('10000');
    await expectAccessible(page, 'repayment dialog');
    await repay.getByRole('button', { name: '保存' }).click();
    await repay.waitFor({ state: 'hidden' });
    await page.getByText('40,000.00 元').waitFor();
    await row('2024-07-15').getByText('10,000.00').waitFor();
  });

  it('claims the interest subsidy of a period and submits it; another officer of the county may decide it', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '小额信贷');
    await page.getByRole('link', { name: head.name }).click();
    await page.getByRole('heading', { level: 1, name: `贷款：${head.name}` }).waitFor();
    await page.getByRole('button', { name: '申请贴息' }).click();
    const claim = page.getByRole('dialog', { name: `申请贴息：${head.name}` });
    await claim.getByRole('textbox', { name: '季度' }).waitFor();
    await expectAccessible(page, 'interest claim dialog (a quarter)');
    await claim.getByRole('radio', { name: '自定日期' }).check();
    await fillDate(claim, '起始日期', '2024-04-01');
    await fillDate(claim, '截止日期', '2024-06-30');
    await expectAccessible(page, 'interest claim dialog');
    await claim.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByRole('heading', { level: 1, name: `贷款贴息申请：${head.name}` }).waitFor();
    await page.getByText('2024-04-01 至 2024-06-30（91 天）').waitFor();
    await page.getByText('草稿', { exact: true }).waitFor();
    await expectAccessible(page, 'interest claim (draft)');

    await page.getByRole('button', { name: '提交审核' }).click();
    const submit = page.getByRole('dialog', { name: `提交审核：${head.name}的贷款贴息申请` });
    await submit.getByRole('button', { name: '提交审核' }).click();
    await submit.waitFor({ state: 'hidden' });
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '撤回申请' }).waitFor();
    await expectAccessible(page, 'interest claim (submitted)');

    await openFromMenu(page, '贷款贴息');
    await row(head.name).getByText('已提交').waitFor();
    await expectAccessible(page, 'interest claims');

    // Maker-checker: the submitter may only withdraw; a second officer of the county decides.
    await context.clearCookies();
    await signIn(page, 'wuling2');
    await openFromMenu(page, '贷款贴息');
    await page.getByRole('link', { name: head.name }).click();
    await page.getByRole('heading', { level: 1, name: `贷款贴息申请：${head.name}` }).waitFor();
    await page.getByRole('button', { name: '审核通过' }).waitFor();
    await expect(page.getByRole('button', { name: '撤回申请' }).count()).resolves.toBe(0);
    await expectAccessible(page, 'interest claim (to decide)');
  });
});
