import { randomUUID } from 'node:crypto';
import { request, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  apiAs,
  BASE_URL,
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
const platform = { name: `E2E 电商平台 ${suffix}`, creditCode: randomCreditCode() };
/** The partner client as the city officer created it; its secret read from the dialog, the one time it shows. */
const client = { displayName: `E2E 对接 ${suffix}`, clientId: '', secret: '' };
const seller = { name: `网店店主${suffix}`, certificateNumber: '' };
const shop = { name: `阳光小店 E2E ${suffix}`, platformShopId: `e2e-${suffix}` };

async function api(userName: string): Promise<APIRequestContext> {
  const signedIn = await apiAs(userName);
  apis.push(signedIn);
  return signedIn;
}

interface Identified {
  id: string;
}

beforeAll(async () => {
  browser = await launchBrowser();

  // The seller: a disabled person of 武陵区 who agreed to sharing with partner platforms.
  const wuling = await api(DEMO.wuling);
  const regions = await okJson<{ id: string; code: string }[]>(await wuling.get('/api/regions'));
  const wulingId = regions.find((region) => region.code === '430702')!.id;
  const idNumber = randomIdNumber();
  seller.certificateNumber = `${idNumber}42`;
  const person = await okJson<Identified>(
    await wuling.post('/api/persons', {
      data: {
        name: seller.name,
        idNumber,
        certificateNumber: seller.certificateNumber,
        countyId: wulingId,
        registration: 'Rural',
      },
    }),
  );
  await okJson(
    await wuling.post(`/api/persons/${person.id}/consents`, {
      data: { scope: 'PartnerSharing', givenOn: '2024-01-01' },
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

/** Opens the e2e shop from the shop list, narrowed to the e2e platform. */
async function openShop(): Promise<void> {
  await openFromMenu(page, '网店');
  await page.locator('.ant-table-row').first().waitFor();
  await choose(page, page.getByRole('main'), '电商平台', platform.name);
  await page.getByRole('button', { name: '查询' }).click();
  await page.getByRole('link', { name: shop.name }).click();
  await page.getByRole('heading', { level: 1, name: `网店：${shop.name}` }).waitFor();
}

/** A row of the shop's sales table by its period. */
const salesRow = (period: string) =>
  page.getByRole('region', { name: '各期销售数据，按期间排列' }).locator('.ant-table-row', { hasText: period });

describe('partner platform onboarding', () => {
  it('registers a partner platform enterprise', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '企业');
    await expectAccessible(page, 'enterprises');
    await page.getByRole('button', { name: '登记企业' }).click();
    const create = page.getByRole('dialog', { name: '登记企业' });
    await create.getByLabel('企业名称').fill(platform.name);
    await create.getByLabel('统一社会信用代码').fill(platform.creditCode.toLowerCase());
    await create.getByRole('checkbox', { name: '合作电商平台' }).check();
    await expectAccessible(page, 'new enterprise dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });

    await page.getByLabel('名称包含').fill(platform.name);
    await page.getByRole('button', { name: '查询' }).click();
    const row = page.locator('.ant-table-row', { hasText: platform.name });
    await row.getByText(platform.creditCode).waitFor();
    await row.getByText('不属于任何区县').waitFor();
    await row.getByText('合作电商平台').waitFor();
  });

  it('creates an API client for it and shows the secret once', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '平台对接');
    await expectAccessible(page, 'partner clients');
    await page.getByRole('button', { name: '新建接口客户端' }).click();
    const create = page.getByRole('dialog', { name: '新建接口客户端' });
    await choose(page, create, '电商平台', platform.name);
    await create.getByLabel('客户端名称').fill(client.displayName);
    await expectAccessible(page, 'new partner client dialog');
    await create.getByRole('button', { name: '创建' }).click();

    const issued = page.getByRole('dialog', { name: `客户端密钥：${client.displayName}` });
    await issued.getByText('密钥只显示这一次').waitFor();
    client.clientId = await issued.getByRole('textbox', { name: '客户端 ID' }).inputValue();
    client.secret = await issued.getByRole('textbox', { name: '客户端密钥' }).inputValue();
    expect(client.clientId).not.toBe('');
    expect(client.secret.length).toBeGreaterThanOrEqual(20);
    await expectAccessible(page, 'client secret dialog');
    await issued.getByRole('button', { name: '我已保存密钥，关闭' }).click();
    await issued.waitFor({ state: 'hidden' });

    const row = page.locator('.ant-table-row', { hasText: client.clientId });
    await row.getByText('使用中').waitFor();
    await expect(page.getByText(client.secret).count()).resolves.toBe(0);
  });
});

describe('the partner API', () => {
  it("registers the seller's shop and reports its sales with the client's token", async () => {
    expect(client.secret, 'the secret read from the dialog').not.toBe('');
    const partner = await request.newContext({ baseURL: BASE_URL });
    apis.push(partner);
    const token = await okJson<{ access_token: string; token_type: string }>(
      await partner.post('/connect/token', {
        form: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.secret },
      }),
    );
    const authorization = { Authorization: `Bearer ${token.access_token}` };

    const registered = await partner.post('/api/partner/v1/shops', {
      headers: { ...authorization, 'Idempotency-Key': randomUUID() },
      data: {
        platformShopId: shop.platformShopId,
        name: shop.name,
        url: `https://shop.example.com/${shop.platformShopId}`,
        granularity: 'Monthly',
        openedOn: '2024-01-01',
        seller: { certificateNumber: seller.certificateNumber, name: seller.name },
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);

    const report = (records: object[]) =>
      partner.put('/api/partner/v1/sales', {
        headers: { ...authorization, 'Idempotency-Key': randomUUID() },
        data: { records },
      });
    const record = (period: string, grossAmount: number, refunds: number) => ({
      platformShopId: shop.platformShopId,
      period,
      orderCount: 12,
      units: 30,
      grossAmount,
      refunds,
    });
    const first = await okJson<{ created: number }>(
      await report([record('2024-01', 1234.56, 34.56), record('2024-02', 800, 0)]),
    );
    expect(first.created).toBe(2);
    // A re-sent report for a period supersedes the old figures, which are kept as history.
    const resent = await okJson<{ updated: number }>(await report([record('2024-02', 900.1, 0)]));
    expect(resent.updated).toBe(1);
  });
});

describe('shops and sales in the SPA', () => {
  it('lists the shops and offers to register one', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '网店');
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, 'shops');
    await page.getByRole('button', { name: '登记网店' }).click();
    const create = page.getByRole('dialog', { name: '登记网店' });
    await create.getByLabel('平台店铺编号').waitFor();
    await expectAccessible(page, 'new shop dialog');
    await create.getByRole('button', { name: '取消' }).click();
    await create.waitFor({ state: 'hidden' });
  });

  it("shows the platform's figures on the shop page, and takes an officer's entry awaiting confirmation", async () => {
    await signIn(page, DEMO.wuling);
    await openShop();
    await salesRow('2024-01').waitFor();
    await expect(salesRow('2024-01').getByRole('cell').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['2024-01', '12', '30', '1,234.56', '34.56', '1,200.00', '平台报送', '已计入']),
    );
    await salesRow('2024-02').getByRole('cell', { name: '900.10' }).first().waitFor();
    await expect(salesRow('2024-02').getByRole('cell').nth(8).textContent()).resolves.toBe('1');
    await page.getByText('已计入统计的净销售额合计 2,100.10 元（2 期）。').waitFor();
    await expectAccessible(page, 'shop detail');

    await page.getByRole('button', { name: '录入销售数据' }).click();
    const entry = page.getByRole('dialog', { name: `录入销售数据：${shop.name}` });
    await fillDate(entry, '月份', '2024-03');
    await entry.getByLabel('订单数').fill('4');
    await entry.getByLabel('商品件数').fill('6');
    await entry.getByLabel('销售额（元）').fill('456.78');
    await expectAccessible(page, 'sales entry dialog');
    await entry.getByRole('button', { name: '保存' }).click();
    await entry.waitFor({ state: 'hidden' });
    const entered = salesRow('2024-03');
    await entered.getByText('待确认').waitFor();
    await entered.getByText('本人录入，须由另一位工作人员确认').waitFor();
    await expect(entered.getByText('工作人员录入').isVisible()).resolves.toBe(true);
  });

  it("keeps an officer's own entry out of their selection in the confirmation queue", async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '待确认销售');
    const own = page.getByRole('checkbox', { name: `本人录入，不能选择：${shop.name} 2024-03` });
    await own.waitFor();
    await expect(own.isDisabled()).resolves.toBe(true);
    await expectAccessible(page, 'confirmation queue (own entry)');
  });

  it("imports a month's figures from a file, awaiting confirmation too", async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '销售导入');
    await expectAccessible(page, 'sales import');
    const csv = [
      '平台,平台店铺编号,期间,订单数,商品件数,销售额（元）,退款（元）',
      `${platform.name},${shop.platformShopId},2024-04,2,3,210.50,0`,
    ].join('\n');
    await page
      .getByLabel('导入文件')
      .setInputFiles({ name: 'sales.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '开始导入' }).click();
    await page.getByText('导入完成：已导入 1 条销售数据。').waitFor();
    await expectAccessible(page, 'sales import report');
  });

  it('is confirmed by another officer in one batch, after which the shop counts it', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '待确认销售');
    for (const period of ['2024-03', '2024-04']) {
      await page.getByRole('checkbox', { name: `选择：${shop.name} ${period}` }).check();
    }
    await page.getByText(/已选择 2 条，净销售额合计 667\.28 元。/).waitFor();
    await expectAccessible(page, 'confirmation queue (selected)');
    await page.getByRole('button', { name: '确认所选（2 条）' }).click();
    const confirm = page.getByRole('dialog', { name: '确认所选的 2 条销售数据？' });
    await expectAccessible(page, 'batch confirmation dialog');
    await confirm.getByRole('button', { name: '确认' }).click();
    await page.getByText('已确认 2 条销售数据，净销售额合计 667.28 元。').waitFor();
    await page.getByRole('checkbox', { name: `选择：${shop.name} 2024-03` }).waitFor({ state: 'detached' });

    await openShop();
    await salesRow('2024-03').getByText('已计入').waitFor();
    await salesRow('2024-04').getByText('已计入').waitFor();
    await page.getByText('已计入统计的净销售额合计 2,767.38 元（4 期）。').waitFor();
  });
});

describe('the catalogue', () => {
  it('lists the priority products and offers to add one', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '重点推介产品');
    await expectAccessible(page, 'products');
    await page.getByRole('button', { name: '添加产品' }).click();
    const create = page.getByRole('dialog', { name: '添加产品' });
    await create.getByLabel('产品名称').waitFor();
    await expectAccessible(page, 'new product dialog');
    await create.getByRole('button', { name: '取消' }).click();
    await create.waitFor({ state: 'hidden' });
  });
});
