import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
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
  randomIdNumber,
  signIn,
  signInThroughPage,
} from './support';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const apis: APIRequestContext[] = [];

const suffix = Math.floor(Math.random() * 1_000_000);
/** A second county officer of 武陵区, created for this run: the checker of wuling's claim. */
const checker = { userName: `e2e-wuling-${suffix}`, password: `E2e-Checker-${suffix}!x` };
const people = [
  { name: `培训学员甲${suffix}`, id: '' },
  { name: `培训学员乙${suffix}`, id: '' },
];
const course = { title: `网店开设基础班 E2E ${suffix}`, id: '' };
const claim = { id: '' };
/** Trained people of 2019 (the course's year) as wuling first saw them. */
let trainedBefore = 0;

async function api(userName: string, password?: string): Promise<APIRequestContext> {
  const client = await apiAs(userName, password);
  apis.push(client);
  return client;
}

interface Identified {
  id: string;
}

beforeAll(async () => {
  browser = await launchBrowser();

  const admin = await api(DEMO.admin);
  const account = await okJson<Identified>(
    await admin.post('/api/accounts', {
      data: { userName: checker.userName, displayName: `武陵区残联 审核员${suffix}`, password: checker.password },
    }),
  );
  const security = await api(DEMO.security);
  const regions = await okJson<{ id: string; code: string }[]>(await security.get('/api/regions'));
  const wulingId = regions.find((region) => region.code === '430702')!.id;
  await okJson(
    await security.put(`/api/accounts/${account.id}/access`, {
      data: { roles: ['CountyOfficer'], countyId: wulingId, permissions: [] },
    }),
  );

  const wuling = await api(DEMO.wuling);
  for (const person of people) {
    const idNumber = randomIdNumber();
    const created = await okJson<Identified>(
      await wuling.post('/api/persons', {
        data: {
          name: person.name,
          idNumber,
          certificateNumber: `${idNumber}42`,
          countyId: wulingId,
          registration: 'Rural',
        },
      }),
    );
    person.id = created.id;
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

/** The city-wide number of trained disabled people in 2019, as the statistics page shows it. */
async function trainedIn2019(): Promise<number> {
  await page.goto('/training/statistics?from=2019-01-01&to=2019-12-31');
  const persons = page
    .locator('th.ant-descriptions-item-label', { hasText: /^残疾人$/ })
    .locator('xpath=following-sibling::td[1]');
  await persons.waitFor();
  return Number(await persons.textContent());
}

/** Picks a registry person in a PersonSelect, opened by its label, by typing their name. */
async function pickPerson(scope: ReturnType<Page['getByRole']>, label: string, name: string): Promise<void> {
  await scope.getByLabel(label).fill(name);
  await page.locator('.ant-select-item-option', { hasText: name }).click();
}

describe('courses', () => {
  it('creates a county course, enrols two people up to capacity, completes one and counts them trained', async () => {
    await signIn(page, DEMO.wuling);
    trainedBefore = await trainedIn2019();
    await expectAccessible(page, 'trained people');

    await openFromMenu(page, '培训课程');
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, 'courses');
    await page.getByRole('button', { name: '新建课程' }).click();
    const create = page.getByRole('dialog', { name: '新建课程' });
    await create.getByText('本课程为区县级基础课程，由武陵区主办。').waitFor();
    await expectAccessible(page, 'new course dialog');
    await create.getByLabel('课程名称').fill(course.title);
    await create.getByRole('checkbox', { name: '网店开设' }).check();
    await create.getByRole('checkbox', { name: '网店装修' }).check();
    await choose(page, create, '培训对象', '有创业意愿者');
    await choose(page, create, '培训机构类型', '职业院校');
    await create.getByLabel('培训机构名称').fill('常德职业技术学院');
    await fillDate(create, '开始日期', '2019-03-01');
    await fillDate(create, '结束日期', '2019-03-10');
    await create.getByLabel('名额').fill('2');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: `课程：${course.title}` }).waitFor();
    course.id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('cell', { name: '0 / 2' }).waitFor();
    await expectAccessible(page, 'course detail');
    await page.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: `编辑课程：${course.title}` });
    await expect(edit.getByLabel('课程名称').inputValue()).resolves.toBe(course.title);
    await expectAccessible(page, 'edit course dialog');
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });

    for (const person of people) {
      await page.getByRole('button', { name: '报名' }).click();
      const enrol = page.getByRole('dialog', { name: `报名：${course.title}` });
      await pickPerson(enrol, '报名的残疾人', person.name);
      await expectAccessible(page, 'enrol dialog');
      await enrol.getByRole('button', { name: '报名' }).click();
      await enrol.waitFor({ state: 'hidden' });
      await page.getByRole('link', { name: person.name }).waitFor();
    }
    await page.getByRole('cell', { name: '2 / 2' }).waitFor();

    // A third participant, a committee member (who need not be disabled), finds the course full.
    await page.getByRole('button', { name: '报名' }).click();
    const full = page.getByRole('dialog', { name: `报名：${course.title}` });
    await full.getByRole('radio', { name: '残疾人专职委员' }).check();
    await full.getByLabel('姓名').fill('王委员');
    await full.getByLabel('职务').fill('村残疾人专职委员');
    await full.getByRole('button', { name: '报名' }).click();
    await full.getByRole('alert').filter({ hasText: '该课程名额已满。' }).waitFor();
    await expectAccessible(page, 'enrol dialog with a full course');
    await full.getByRole('button', { name: '取消' }).click();
    await full.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `结业：${people[0].name}` }).click();
    const complete = page.getByRole('dialog', { name: `登记结业：${people[0].name}` });
    await expect(complete.getByLabel('结业日期').inputValue()).resolves.toBe('2019-03-10');
    await complete.getByLabel('证书名称').fill('网店开设结业证书');
    await complete.getByLabel('证书编号').fill(`JY-${suffix}`);
    await expectAccessible(page, 'complete dialog');
    await complete.getByRole('button', { name: '登记结业' }).click();
    await complete.waitFor({ state: 'hidden' });
    const completed = page.locator('.ant-table-row', { hasText: people[0].name });
    await completed.getByText('已结业').waitFor();
    await expect(completed.getByText('2019-03-10').isVisible()).resolves.toBe(true);

    await expect(trainedIn2019()).resolves.toBe(trainedBefore + 1);
  });

  it('keeps the county course out of another county', async () => {
    await signIn(page, DEMO.dingcheng);
    await page.goto(`/courses/${course.id}`);
    await page.getByRole('heading', { level: 1, name: '找不到该课程' }).waitFor();
  });
});

describe('training subsidy claims', () => {
  it('files a claim for the trained person and submits it, with no approval for its submitter', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '培训补贴');
    await expectAccessible(page, 'claims');
    await page.getByRole('button', { name: '新建申请' }).click();
    await page.getByRole('heading', { level: 1, name: '新建培训补贴申请' }).waitFor();
    await expectAccessible(page, 'new claim form');

    const form = page.getByRole('main');
    await pickPerson(form, '申请人', people[0].name);
    await form.getByLabel('培训机构').fill('常德市某电商培训学校');
    await form.getByLabel('培训课程名称').fill('电子商务师（四级）培训');
    await fillDate(form, '培训开始日期', '2019-03-01');
    await fillDate(form, '培训结束日期', '2019-03-10');
    await form.getByLabel('实缴培训费（元）').fill('800');
    await form.getByLabel('收据编号').fill(`SJ-${suffix}`);
    await fillDate(form, '发证日期', '2019-03-20');
    await choose(page, form, '职业资格', '电子商务师（四级/中级工）— 示例（SAMPLE-EC-4，标准 1,200.00 元）');
    await form
      .getByText(/示例数据/)
      .first()
      .waitFor();
    await form.getByLabel('证书编号').fill(`ZS-${suffix}`);
    await form.getByLabel('发证机关').fill('常德市人力资源和社会保障局');
    await form.getByRole('button', { name: '保存为草稿' }).click();
    await page.getByRole('heading', { level: 1, name: `培训补贴申请：${people[0].name}` }).waitFor();
    claim.id = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByText('尚未提交。以下为按当前信息预审的结果').waitFor();
    await expectAccessible(page, 'draft claim');
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { level: 1, name: `修改培训补贴申请：${people[0].name}` }).waitFor();
    await expect(page.getByLabel('实缴培训费（元）').inputValue()).resolves.toBe('800.00');
    await expectAccessible(page, 'edit claim form');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: `培训补贴申请：${people[0].name}` }).waitFor();

    // A one-pixel PNG as the certificate.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    await page.getByLabel('选择文件').setInputFiles({ name: 'certificate.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: '上传' }).click();
    const download = page.getByRole('link', { name: 'certificate.png' });
    await download.waitFor();
    const href = await download.getAttribute('href');
    expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]+\/content$/);
    const content = await page.request.get(href!);
    expect(content.headers()['content-type']).toBe('image/png');
    await expect(content.body()).resolves.toEqual(png);

    await page.getByRole('button', { name: '提交审核' }).click();
    const submit = page.getByRole('dialog', { name: `提交审核：${people[0].name}的培训补贴申请` });
    await expectAccessible(page, 'submit dialog');
    await submit.getByRole('button', { name: '提交审核' }).click();
    await submit.waitFor({ state: 'hidden' });
    await page.getByText('已提交', { exact: true }).first().waitFor();
    await expect(page.getByRole('button', { name: '撤回申请' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: '审核通过' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '上传' }).count()).resolves.toBe(0);
  });

  it('is approved by a second officer of the county, with the decision explained criterion by criterion', async () => {
    await signInThroughPage(page, checker.userName, checker.password);
    await page.goto(`/training-claims/${claim.id}`);
    await page.getByRole('heading', { level: 1, name: `培训补贴申请：${people[0].name}` }).waitFor();
    await expect(page.getByRole('button', { name: '撤回申请' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '审核通过' }).click();
    const review = page.getByRole('dialog', { name: `审核通过：${people[0].name}的培训补贴申请` });
    await review.getByLabel('意见（选填）').fill('材料齐全，同意。');
    await expectAccessible(page, 'review dialog');
    await review.getByRole('button', { name: '审核通过' }).click();
    await review.waitFor({ state: 'hidden' });
    await page.getByText('区县已审核', { exact: true }).first().waitFor();

    const criteria = page.getByRole('region', { name: '提交时的决定，逐项说明' });
    const rows = criteria.locator('.ant-table-row');
    await expect(rows.count()).resolves.toBe(6);
    await expect(rows.filter({ hasText: '不符合' }).count()).resolves.toBe(0);
    await expect(rows.filter({ hasText: '符合' }).count()).resolves.toBe(6);
    await expect(criteria.getByRole('cell', { name: 'min(1200.00, 800.00)' }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('800.00 元').first().isVisible()).resolves.toBe(true);
    const history = page.getByRole('region', { name: '办理记录，最早的在前' });
    await history.getByRole('cell', { name: '材料齐全，同意。' }).waitFor();
    await expect(history.getByRole('cell', { name: '本人' }).count()).resolves.toBe(1);
    await expectAccessible(page, 'approved claim');
  });
});

describe('policies', () => {
  it('shows the qualification table versions to a city officer, who adds one and edits it while unused', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '政策参数');
    const versions = page.getByRole('region', { name: '职业资格目录的各个版本，按生效日期排列' });
    await versions.locator('.ant-table-row').first().waitFor();
    // wuling's submitted claim used the seeded version: it can no longer change.
    const seeded = versions.locator('.ant-table-row', { hasText: '2017-01-01' });
    await seeded.getByText('已被决定使用，不能修改').waitFor();
    await expect(seeded.getByRole('button', { name: '编辑：2017-01-01' }).count()).resolves.toBe(0);
    await seeded.getByRole('button', { name: /展开行/ }).click();
    await page.getByRole('cell', { name: 'SAMPLE-EC-4' }).waitFor();
    await expectAccessible(page, 'policies');

    await page.getByRole('button', { name: '新增版本' }).click();
    const create = page.getByRole('dialog', { name: '新增版本' });
    await expect(create.getByLabel('名称').first().inputValue()).resolves.toContain('电子商务师');
    await expectAccessible(page, 'new policy version dialog');
    const effective = `2020-${String(7 + (suffix % 6)).padStart(2, '0')}-${String(1 + (suffix % 28)).padStart(2, '0')}`;
    await fillDate(create, '生效日期', effective);
    await create.getByLabel('说明').fill(`E2E 示例版本 ${suffix}`);
    await create.getByRole('button', { name: '添加职业资格' }).click();
    const added = create.getByRole('group').last();
    await added.getByLabel('代码').fill(`E2E-${suffix}`);
    await added.getByLabel('名称').fill('网店美工（示例）');
    await added.getByLabel('标准金额（元）').fill('700');
    await create.getByRole('button', { name: '创建' }).click();
    await create.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: `编辑：${effective}` }).click();
    const edit = page.getByRole('dialog', { name: `修改 ${effective} 起生效的版本` });
    await expectAccessible(page, 'edit policy version dialog');
    await edit.getByLabel('说明').fill(`E2E 示例版本 ${suffix}（已核对）`);
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await versions.getByRole('cell', { name: `E2E 示例版本 ${suffix}（已核对）` }).waitFor();
  });
});
