import type { APIRequestContext, Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, it } from 'vitest';
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
const incubator = { name: `E2E 创业孵化园 ${suffix}` };
const provider = { name: `E2E 导师服务中心 ${suffix}` };
/** A registered disabled person of 武陵区 who is incubated, mentored and sells in the channels. */
const entrepreneur = { name: `创业者${suffix}`, id: '' };
const outlet = { name: `E2E 助残专柜 ${suffix}` };
const exhibition = { name: `E2E 助残消费节 ${suffix}` };
const contract = { title: `E2E 导师服务合同 ${suffix}` };

interface Identified {
  id: string;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const wuling = await apiAs(DEMO.wuling);
  apis.push(wuling);
  const regions = await okJson<{ id: string; code: string }[]>(await wuling.get('/api/regions'));
  const countyId = regions.find((region) => region.code === '430702')!.id;
  const idNumber = randomIdNumber();
  const person = await okJson<Identified>(
    await wuling.post('/api/persons', {
      data: {
        name: entrepreneur.name,
        idNumber,
        certificateNumber: `${idNumber}42`,
        countyId,
        registration: 'Rural',
      },
    }),
  );
  entrepreneur.id = person.id;
  for (const [enterprise, roles] of [
    [incubator, ['Incubator']],
    [provider, ['ThirdPartyServiceProvider']],
  ] as const) {
    await okJson(
      await wuling.post('/api/enterprises', {
        data: { name: enterprise.name, creditCode: randomCreditCode(), countyId, roles },
      }),
    );
  }
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

/** Types into a select that searches the API (a person, an enterprise) and picks the match. */
async function search(scope: Locator, label: string, text: string): Promise<void> {
  await scope.getByLabel(label).fill(text);
  await page.locator('.ant-select-item-option:visible', { hasText: text }).first().click();
}

/** A row of a table, by a text in it. */
const row = (text: string) => page.locator('.ant-table-row', { hasText: text });

describe('incubation, mentoring and the offline channels of a county officer', () => {
  it("records the incubation of a disabled person's business, and offers to end it", async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '创业孵化');
    await expectAccessible(page, 'incubations');
    await page.getByRole('button', { name: '登记孵化' }).click();
    const create = page.getByRole('dialog', { name: '登记孵化' });
    await search(create, '孵化企业', incubator.name);
    await search(create, '孵化对象（残疾人）', entrepreneur.name);
    await choose(page, create, '对象类别', '残疾创业者');
    await create.getByLabel('孵化服务').click();
    await page.locator('.ant-select-item-option[title="场地"]').click();
    await page.locator('.ant-select-item-option[title="导师指导"]').click();
    await create.getByLabel('孵化服务').press('Escape');
    await fillDate(create, '开始日期', '2024-03-01');
    await expectAccessible(page, 'new incubation dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
    await row(entrepreneur.name).getByText('场地、导师指导').waitFor();

    await page.getByRole('button', { name: `结束孵化：${entrepreneur.name}` }).click();
    const end = page.getByRole('dialog', { name: `结束孵化：${entrepreneur.name}（${incubator.name}）` });
    await end.getByLabel('最后有效日').waitFor();
    await expectAccessible(page, 'end incubation dialog');
    await end.getByRole('button', { name: '取消' }).click();
    await end.waitFor({ state: 'hidden' });
  });

  it('records a mentoring contract with a beneficiary, and a session under it', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '导师帮扶合同');
    await expectAccessible(page, 'mentoring contracts');
    await page.getByRole('button', { name: '登记合同' }).click();
    const create = page.getByRole('dialog', { name: '登记合同' });
    await create.getByLabel('合同名称').fill(contract.title);
    await search(create, '服务企业', provider.name);
    await create.getByLabel('合同金额（元）').fill('20000');
    await fillDate(create, '开始日期', '2024-01-01');
    await fillDate(create, '结束日期', '2024-12-31');
    await expectAccessible(page, 'new mentoring contract dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `添加帮扶对象：${contract.title}` }).click();
    const add = page.getByRole('dialog', { name: `添加帮扶对象：${contract.title}` });
    await search(add, '帮扶对象（残疾人）', entrepreneur.name);
    await expectAccessible(page, 'add beneficiary dialog');
    await add.getByRole('button', { name: '添加帮扶对象' }).click();
    await add.waitFor({ state: 'hidden' });

    await openFromMenu(page, '导师帮扶记录');
    await expectAccessible(page, 'mentoring sessions');
    await page.getByRole('button', { name: '登记帮扶' }).click();
    const session = page.getByRole('dialog', { name: '登记帮扶' });
    await choose(page, session, '所属合同', `${contract.title}（${provider.name}）`);
    await search(session, '帮扶对象（残疾人）', entrepreneur.name);
    await session.getByLabel('导师姓名').fill('刘导师');
    await fillDate(session, '帮扶日期', '2024-04-02');
    await session.getByLabel('时长（小时）').fill('1.5');
    await session.getByLabel('帮扶内容').fill('网店运营');
    await expectAccessible(page, 'new mentoring session dialog');
    await session.getByRole('button', { name: '创建' }).click();
    await session.waitFor({ state: 'hidden' });
    await row('网店运营').getByRole('link', { name: entrepreneur.name }).waitFor();
  });

  it('records a specialty outlet and a disabled person selling in it', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '专区专柜');
    await expectAccessible(page, 'outlets');
    await page.getByRole('button', { name: '登记专区专柜' }).click();
    const create = page.getByRole('dialog', { name: '登记专区专柜' });
    await create.getByLabel('名称').fill(outlet.name);
    await choose(page, create, '设立地点', '超市');
    await choose(page, create, '设立层级', '县级');
    await create.getByLabel('地址').fill('武陵区朗州路 8 号');
    await fillDate(create, '设立日期', '2024-01-10');
    await expectAccessible(page, 'new outlet dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: `专区专柜：${outlet.name}` }).waitFor();
    await expectAccessible(page, 'outlet detail');

    await page.getByRole('button', { name: '添加参与者' }).click();
    const add = page.getByRole('dialog', { name: `添加参与者：${outlet.name}` });
    await add.getByRole('radio', { name: '残疾人' }).check();
    await search(add, '参与者（残疾人）', entrepreneur.name);
    await fillDate(add, '加入日期', '2024-02-01');
    await add.getByLabel('减免摊位费（元）').fill('300');
    await add.getByLabel('无障碍设施').fill('坡道');
    await expectAccessible(page, 'add outlet participant dialog');
    await add.getByRole('button', { name: '添加参与者' }).click();
    await add.waitFor({ state: 'hidden' });
    await row('坡道').getByRole('link', { name: entrepreneur.name }).waitFor();
    await expectAccessible(page, 'outlet detail with a participant');
  });

  it('records an exhibition, a participant and its results', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '展销活动');
    await expectAccessible(page, 'exhibitions');
    await page.getByRole('button', { name: '登记活动' }).click();
    const create = page.getByRole('dialog', { name: '登记活动' });
    await create.getByLabel('活动名称').fill(exhibition.name);
    await create.getByRole('radio', { name: '线上线下结合' }).check();
    await fillDate(create, '开始日期', '2024-05-18');
    await fillDate(create, '结束日期', '2024-05-20');
    await expectAccessible(page, 'new exhibition dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: `展销活动：${exhibition.name}` }).waitFor();
    await expectAccessible(page, 'exhibition detail');

    await page.getByRole('button', { name: '添加参与者' }).click();
    const add = page.getByRole('dialog', { name: `添加参与者：${exhibition.name}` });
    await add.getByRole('radio', { name: '残疾人' }).check();
    await search(add, '参与者（残疾人）', entrepreneur.name);
    await add.getByLabel('销售额（元）').fill('560');
    await expectAccessible(page, 'add exhibition participant dialog');
    await add.getByRole('button', { name: '添加参与者' }).click();
    await add.waitFor({ state: 'hidden' });
    await row('560.00').getByRole('link', { name: entrepreneur.name }).waitFor();

    await page.getByRole('button', { name: '登记活动成效' }).click();
    const results = page.getByRole('dialog', { name: `登记活动成效：${exhibition.name}` });
    await results.getByLabel('销售总额（元）').fill('12000');
    await results.getByLabel('经费投入（元）').fill('3000');
    await results.getByRole('button', { name: '保存' }).click();
    await results.getByText('有经费投入时须填写经费来源。').first().waitFor();
    await expectAccessible(page, 'exhibition results dialog with an error');
    await results.getByLabel('经费来源').fill('区残联专项资金');
    await results.getByRole('button', { name: '保存' }).click();
    await results.waitFor({ state: 'hidden' });
    await page.getByText('区残联专项资金').waitFor();
  });
});
