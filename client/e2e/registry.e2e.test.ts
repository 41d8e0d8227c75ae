import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  choose,
  DEMO,
  expectAccessible,
  launchBrowser,
  newPage,
  openFromMenu,
  randomIdNumber,
  signIn,
  withWrongCheckCharacter,
} from './support';

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

/** The person wuling registers; later tests look for them as other users. */
const person = {
  name: `测试人员${Math.floor(Math.random() * 1_000_000)}`,
  idNumber: randomIdNumber(),
  id: '',
};
const masked = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;

describe('people registry', () => {
  it('registers a person through the form, showing server field errors on their fields', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '人员登记');
    await page.getByRole('button', { name: '登记新人员' }).click();
    await page.getByRole('heading', { level: 1, name: '登记残疾人' }).waitFor();
    await expect(page.title()).resolves.toBe('登记残疾人 – 阳光助残扶贫系统');
    await expectAccessible(page, 'person form');

    await page.getByLabel('姓名').fill(person.name);
    await page.getByLabel('身份证号').fill(withWrongCheckCharacter(person.idNumber));
    await page.getByLabel('残疾证号').fill(`${person.idNumber}42`);
    await page.getByLabel('乡镇（街道）').fill('丹洲乡');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByRole('checkbox', { name: '残疾大学生' }).check();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('身份证号校验位不正确，请核对。').waitFor();
    await page.getByText('请输入 11 位手机号，或带区号的固定电话（如 0736-7251234）。').waitFor();
    await expect(page.locator('#person_idNumber').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#person_phone').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'person form with server errors');

    await page.getByLabel('身份证号').fill(person.idNumber);
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `人员详情：${person.name}` }).waitFor();
    person.id = new URL(page.url()).pathname.split('/').pop()!;
    await expect(page.getByText(masked(person.idNumber), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('138****5678').isVisible()).resolves.toBe(true);
    await expect(page.getByText('肢体残疾').isVisible()).resolves.toBe(true);
    await expect(page.getByText(person.idNumber).count()).resolves.toBe(0);
    await expectAccessible(page, 'person detail');
  });

  it('refuses a second person with the same ID number on the ID number field', async () => {
    await signIn(page, DEMO.wuling);
    await page.goto('/persons/new');
    await page.getByLabel('姓名').fill('重复登记');
    await page.getByLabel('身份证号').fill(person.idNumber);
    await page.getByLabel('残疾证号').fill(`${person.idNumber}42`);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('#person_idNumber_help').getByText('该身份证号已有人员登记。').waitFor();
  });

  it('finds the person by the exact ID number and reveals the full values with a reason', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '人员登记');
    await page.getByLabel('身份证号（完整）').fill(person.idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 条').waitFor();
    await expectAccessible(page, 'people list');
    await page.getByRole('link', { name: person.name }).click();
    await page.getByRole('heading', { level: 1, name: `人员详情：${person.name}` }).waitFor();

    await page.getByRole('button', { name: '查看完整信息' }).click();
    const dialog = page.getByRole('dialog', { name: `查看完整个人信息：${person.name}` });
    await dialog.getByLabel('查看原因').waitFor();
    await expectAccessible(page, 'reveal dialog');
    await dialog.getByRole('button', { name: '查看', exact: true }).click();
    await dialog.getByText('请填写查看原因').waitFor();
    await dialog.getByLabel('查看原因').fill('核对残疾证信息');
    await dialog.getByRole('button', { name: '查看', exact: true }).click();
    await dialog.getByText(person.idNumber, { exact: true }).waitFor();
    await expect(dialog.getByText(`${person.idNumber}42`).isVisible()).resolves.toBe(true);
    await expect(dialog.getByText('13812345678').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'reveal dialog with values');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(page.getByText(person.idNumber, { exact: true }).count()).resolves.toBe(0);

    // Again with the keyboard only: the dialog takes the focus, Escape closes it and gives the focus back.
    const open = page.getByRole('button', { name: '查看完整信息' });
    await open.focus();
    await page.keyboard.press('Enter');
    await dialog.getByLabel('查看原因').waitFor();
    await expect(dialog.getByText(person.idNumber, { exact: true }).count()).resolves.toBe(0);
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('查看原因').evaluate((element) => element === document.activeElement)).resolves.toBe(
      true,
    );
    await page.keyboard.type('电话回访前核对号码');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await dialog.getByText(person.idNumber, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(open.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(page.getByText(person.idNumber, { exact: true }).count()).resolves.toBe(0);
  });

  it('edits the person, keeping the numbers left empty, then removes the phone', async () => {
    await signIn(page, DEMO.wuling);
    await page.goto(`/persons/${person.id}`);
    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('heading', { level: 1, name: `编辑人员：${person.name}` }).waitFor();
    await expect(page.getByLabel('姓名').inputValue()).resolves.toBe(person.name);
    await expect(page.getByLabel('身份证号').inputValue()).resolves.toBe('');
    await page.getByText(`留空则保持 ${masked(person.idNumber)} 不变`).waitFor();
    await expectAccessible(page, 'edit person form');
    await page.getByLabel('村（社区）').fill('柳叶村');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: `人员详情：${person.name}` }).waitFor();
    await expect(page.getByText('柳叶村').isVisible()).resolves.toBe(true);
    await expect(page.getByText(masked(person.idNumber), { exact: true }).isVisible()).resolves.toBe(true);
    await expect(page.getByText('138****5678').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('checkbox', { name: '删除联系电话' }).check();
    await expect.poll(() => page.getByLabel('联系电话', { exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('heading', { level: 1, name: `人员详情：${person.name}` }).waitFor();
    await expect(page.getByText('138****5678').count()).resolves.toBe(0);
    await expect(page.getByText(masked(person.idNumber), { exact: true }).isVisible()).resolves.toBe(true);
  });

  it('records and withdraws a consent', async () => {
    await signIn(page, DEMO.wuling);
    await page.goto(`/persons/${person.id}`);
    await page.getByRole('button', { name: '记录同意' }).click();
    const record = page.getByRole('dialog', { name: `记录同意：${person.name}` });
    await choose(page, record, '同意事项', '向合作电商平台提供');
    await expectAccessible(page, 'record consent dialog');
    await record.getByRole('button', { name: '保存' }).click();
    await record.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '有效' }).waitFor();

    await page.getByRole('button', { name: '撤回：向合作电商平台提供' }).click();
    const withdraw = page.getByRole('dialog', { name: '撤回同意：向合作电商平台提供' });
    await withdraw.getByRole('button', { name: '撤回' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '已撤回' }).waitFor();
  });

  it('shows the reveal to a city officer in the audit log', async () => {
    await signIn(page, DEMO.city);
    await openFromMenu(page, '审计日志');
    await page.getByLabel('对象类型').fill('Person');
    await page.getByLabel('对象 ID').fill(person.id);
    await page.getByRole('button', { name: '查询' }).click();
    // Newest first: the reveal with the keyboard, then the first one.
    const reveals = page.locator('.ant-table-row', { hasText: person.id }).filter({ hasText: 'RevealPerson' });
    await reveals.first().waitFor();
    await expect(reveals.count()).resolves.toBe(2);
    await expect(reveals.first().getByText(DEMO.wuling).isVisible()).resolves.toBe(true);
    await reveals
      .nth(1)
      .getByRole('button', { name: /展开行/ })
      .click();
    await page.locator('.json-block', { hasText: '核对残疾证信息' }).waitFor();
    await expect(page.locator('.json-block', { hasText: person.idNumber }).count()).resolves.toBe(0);
  });

  it('keeps the person out of another county', async () => {
    await signIn(page, DEMO.dingcheng);
    await page.goto(`/persons/${person.id}`);
    await page.getByRole('heading', { level: 1, name: '找不到该人员' }).waitFor();
    await expect(page.title()).resolves.toBe('找不到该人员 – 阳光助残扶贫系统');
    await expectAccessible(page, 'person not found');

    await openFromMenu(page, '人员登记');
    await page.getByLabel('身份证号（完整）').fill(person.idNumber);
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor();
    await expect(page.locator('.ant-table-row').count()).resolves.toBe(0);
  });
});

describe('households', () => {
  it('starts a household, adds a member and records income against the baseline', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '家庭');
    await page.getByRole('button', { name: '新建家庭' }).click();
    const create = page.getByRole('dialog', { name: '新建家庭' });
    await create.getByLabel('户主（已登记的残疾人）').fill(person.name);
    await page.locator('.ant-select-item-option', { hasText: person.name }).click();
    await create.getByRole('switch', { name: '建档立卡贫困户' }).click();
    await create.getByLabel('建档立卡年份').fill('2016');
    await create.getByLabel('建档立卡户编号').fill('E2E-001');
    await create.getByLabel('基线年份').fill('2016');
    await create.getByLabel('基线人均纯收入（元）').fill('3000');
    await expectAccessible(page, 'new household dialog');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { level: 1, name: `家庭：${person.name}` }).waitFor();
    await expectAccessible(page, 'household detail');

    await page.getByRole('button', { name: '添加成员' }).click();
    const add = page.getByRole('dialog', { name: `为“${person.name}”家庭添加成员` });
    await add.getByRole('radio', { name: '其他家庭成员' }).check();
    await add.getByLabel('姓名').fill('王芳');
    await choose(page, add, '与户主关系', '配偶');
    await add.getByRole('button', { name: '添加成员' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '王芳', exact: true }).waitFor();

    await page.getByRole('button', { name: '登记年度收入' }).click();
    const income = page.getByRole('dialog', { name: '登记年度收入' });
    await income.getByLabel('年份').fill('2020');
    await income.getByLabel('人均纯收入（元）').fill('5250.5');
    await income.getByRole('button', { name: '保存' }).click();
    await income.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '2,250.50' }).waitFor();

    await page.goto(`/persons/${person.id}`);
    await page.getByRole('link', { name: '查看家庭' }).click();
    await page.getByRole('heading', { level: 1, name: `家庭：${person.name}` }).waitFor();

    await openFromMenu(page, '家庭');
    await page.getByLabel('户主姓名包含').fill(person.name);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 条').waitFor();
    await expect(page.getByRole('cell', { name: '2 人（残疾人 1 人）' }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'households list');
  });
});

describe('import', () => {
  const header = '姓名,身份证号,残疾证号,区县,乡镇（街道）,村（社区）,户籍类型,联系电话,标签';
  const valid = randomIdNumber();
  const invalid = withWrongCheckCharacter(randomIdNumber());
  const csv = [
    header,
    `导入甲,${valid},${valid}11,武陵区,,,农村,,`,
    `导入乙,${invalid},${invalid}11,武陵区,,,城镇,,`,
  ].join('\n');

  async function upload(importValidRows: boolean): Promise<void> {
    await page
      .getByLabel('导入文件')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('checkbox', { name: '部分行有误时，仍导入无误的行' }).setChecked(importValidRows);
    await page.getByRole('button', { name: '开始导入' }).click();
  }

  it('writes nothing while a row fails, and reports the row and the reason', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '人员导入');
    await expectAccessible(page, 'import page');
    await upload(false);
    await page.getByText('有 1 行有误，未导入任何数据。请修改后重新上传。').waitFor();
    const rejected = page.locator('.ant-table-row', { hasText: '身份证号校验位不正确，请核对。' });
    await expect(rejected.getByRole('cell', { name: '3', exact: true }).isVisible()).resolves.toBe(true);
    await expect(rejected.getByRole('cell', { name: '身份证号', exact: true }).isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'import report');
  });

  it('imports the valid rows when asked to', async () => {
    await signIn(page, DEMO.wuling);
    await openFromMenu(page, '人员导入');
    await upload(true);
    await page.getByText('导入完成：已导入 1 人，1 行有误未导入。').waitFor();
    await openFromMenu(page, '人员登记');
    await page.getByLabel('身份证号（完整）').fill(valid);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('共 1 条').waitFor();
    await page.getByRole('link', { name: '导入甲' }).waitFor();
  });

  it('records that an imported person moved away, after which the record is read-only', async () => {
    await signIn(page, DEMO.wuling);
    await page.goto(`/persons?idNumber=${valid}`);
    await page.getByRole('link', { name: '导入甲' }).click();
    await page.getByRole('button', { name: '登记去世或迁出' }).click();
    const dialog = page.getByRole('dialog', { name: '登记去世或迁出：导入甲' });
    await dialog.getByRole('radio', { name: '已迁出' }).check();
    await dialog.getByLabel('日期').fill(new Date().toISOString().slice(0, 10));
    await expectAccessible(page, 'deactivate dialog');
    await dialog.getByLabel('日期').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('已迁出').first().waitFor();
    await expect(page.getByRole('button', { name: '编辑' }).count()).resolves.toBe(0);
  });
});

describe('in English', () => {
  it('shows the people list and a person in English', async () => {
    await signIn(page, DEMO.city);
    await page.getByRole('radiogroup', { name: '界面语言' }).getByText('English').click();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'People', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await expect(page.title()).resolves.toBe('People – Sunshine Disability Assistance');
    await page.getByRole('columnheader', { name: 'Disability category' }).waitFor();
    await page.locator('.ant-table-row').first().waitFor();
    await expectAccessible(page, 'people list (English)');

    await page.goto(`/persons/${person.id}`);
    await page.getByRole('heading', { level: 1, name: `Person: ${person.name}` }).waitFor();
    await expect(page.getByText('Physical').isVisible()).resolves.toBe(true);
    await expectAccessible(page, 'person detail (English)');
  });
});
