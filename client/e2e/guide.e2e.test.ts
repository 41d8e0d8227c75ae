import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, launchBrowser, newPage, okJson, signIn } from './support';

// The screenshots of the officers' guide (docs/user-guide.zh-CN.md and .en.md), taken from the real SPA on the
// demo data each run, so that they never go stale; then a check that every image either guide shows was taken.

const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const IMAGES = `${DOCS}guide/images/`;
const GUIDES = ['user-guide.zh-CN.md', 'user-guide.en.md'];

/** The images this run wrote (names without the directory). */
const produced = new Set<string>();

let browser: Browser;

beforeAll(async () => {
  mkdirSync(IMAGES, { recursive: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

type Listed = { id?: string } & Record<string, unknown>;

/** The rows of a list endpoint (a plain array or a page with `items`). */
async function rows(api: APIRequestContext, url: string): Promise<Listed[]> {
  const body = await okJson<Listed[] | { items: Listed[] }>(await api.get(url));
  return Array.isArray(body) ? body : body.items;
}

/** The id of the first record of a list endpoint; fails when it is empty (the demo data holds one). */
async function firstId(api: APIRequestContext, url: string): Promise<string> {
  const found = await rows(api, url);
  expect(found.length, `the demo data holds a record of ${url}`).toBeGreaterThan(0);
  return String(found[0].id);
}

/**
 * The id of the first record of a list endpoint, made through the API first when there is none (the demo
 * data holds no applications, bulletins or annual summaries; a database the workflow suites ran on does).
 */
async function firstOrMade(api: APIRequestContext, url: string, make: () => Promise<string>): Promise<string> {
  const found = await rows(api, url);
  return found.length > 0 ? String(found[0].id) : make();
}

/** A date in China Standard Time, `days` from today, as yyyy-MM-dd. */
function dateInChina(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function created(response: Awaited<ReturnType<APIRequestContext['post']>>): Promise<string> {
  return String((await okJson<{ id: string }>(response)).id);
}

/** An annual-summary round: this year's, up to today, when there is none (the annual-summaries suite opens earlier years'). */
async function annualSummaryRound(api: APIRequestContext): Promise<string> {
  return firstOrMade(api, '/api/annual-summaries', async () => {
    const city = await apiAs(DEMO.city);
    try {
      return await created(
        await city.post('/api/annual-summaries', {
          data: { year: Number(dateInChina().slice(0, 4)), dataCutOff: dateInChina(), dueDate: dateInChina(30) },
        }),
      );
    } finally {
      await city.dispose();
    }
  });
}

/** Opens a path in the running SPA (as a link would), waits for its heading and the end of loading. */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, {
    timeout: 20000,
  });
}

/** Saves the viewport (1366×900) as docs/guide/images/<name>.png. */
async function shoot(page: Page, name: string): Promise<void> {
  // Charts draw after the data arrives.
  await page.waitForTimeout(300);
  await page.mouse.move(0, 0);
  // Moving the focus to the new page's content may scroll; the screenshot shows the page from its top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${IMAGES}${name}.png`, animations: 'disabled', caret: 'hide' });
  produced.add(`${name}.png`);
}

async function session(userName: string, shots: (page: Page) => Promise<void>): Promise<void> {
  let context: BrowserContext | undefined;
  try {
    let page: Page;
    ({ context, page } = await newPage(browser));
    await signIn(page, userName);
    await shots(page);
  } finally {
    await context?.close();
  }
}

/** Opens each path and takes its screenshot. */
async function shootAll(page: Page, pages: [path: string, name: string][]): Promise<void> {
  for (const [path, name] of pages) {
    await open(page, path);
    await shoot(page, name);
  }
}

describe('the guide screenshots', () => {
  it('of a county officer: registry, training, shops, awards, work plans and the annual summary', async () => {
    const api = await apiAs(DEMO.wuling);
    const me = await okJson<{ countyId: string }>(await api.get('/api/auth/me'));
    const [person, household, course, shop] = await Promise.all([
      firstId(api, '/api/persons?pageSize=1'),
      firstId(api, '/api/households?pageSize=1'),
      firstId(api, '/api/courses?pageSize=1'),
      firstId(api, '/api/shops?pageSize=1'),
    ]);
    const claim = await firstOrMade(api, '/api/training-claims?pageSize=1', async () => {
      const certificateDate = dateInChina(-10);
      const { qualifications } = await okJson<{ qualifications: { code: string }[] }>(
        await api.get(`/api/policies/training-qualifications?on=${certificateDate}`),
      );
      expect(qualifications.length, 'a qualification table in force').toBeGreaterThan(0);
      return created(
        await api.post('/api/training-claims', {
          data: {
            personId: person,
            providerName: '常德市电商职业培训学校',
            courseName: '网店运营推广',
            trainingStart: dateInChina(-40),
            trainingEnd: dateInChina(-30),
            feePaid: 600,
            feeCharging: true,
            receiptNumber: 'SJ-GUIDE-001',
            qualificationCode: qualifications[0].code,
            certificateNumber: 'ZS-GUIDE-001',
            certificateDate,
            issuingAuthority: '常德市人力资源和社会保障局',
          },
        }),
      );
    });
    const award = await firstOrMade(api, '/api/awards/applications?pageSize=1', async () => {
      // The last candidate of the screening: the awards suite applies for the first.
      const screening = await okJson<{ rows: { beneficiaryId: string }[] }>(
        await api.get('/api/awards/screening?type=DemonstrationHouseholdAward'),
      );
      expect(screening.rows.length, 'a demonstration household to screen').toBeGreaterThan(0);
      return created(
        await api.post('/api/awards/applications', {
          data: { type: 'DemonstrationHouseholdAward', beneficiaryId: screening.rows.at(-1)!.beneficiaryId },
        }),
      );
    });
    const summary = await annualSummaryRound(api);
    await api.dispose();
    await session(DEMO.wuling, async (page) => {
      await shootAll(page, [
        ['/persons', 'persons'],
        ['/persons/new', 'person-new'],
        [`/persons/${person}`, 'person-detail'],
        [`/households/${household}`, 'household-detail'],
        ['/courses', 'courses'],
        [`/courses/${course}`, 'course-detail'],
        ['/training/statistics', 'trained-people'],
        ['/training-claims/new', 'training-claim-new'],
        [`/training-claims/${claim}`, 'training-claim-detail'],
        ['/shops', 'shops'],
        [`/shops/${shop}`, 'shop-detail'],
        ['/sales/pending', 'sales-pending'],
        ['/awards/new', 'award-new'],
        [`/awards/applications/${award}`, 'award-detail'],
        ['/work-plans', 'work-plans'],
        [`/annual-summaries/${summary}/counties/${me.countyId}`, 'annual-summary-county'],
      ]);
    });
  });

  it('of a city officer: dashboard, statistics, bulletins, screening, funds, policies and the registers', async () => {
    const api = await apiAs(DEMO.city);
    const round = await firstId(api, '/api/work-plans/rounds');
    const summary = await annualSummaryRound(api);
    const bulletin = await firstOrMade(api, '/api/statistics/bulletins', async () =>
      created(
        await api.post('/api/statistics/bulletins', {
          data: { period: 'Year', year: Number(dateInChina().slice(0, 4)) - 1, title: '全市年度统计通报' },
        }),
      ),
    );
    await api.dispose();
    await session(DEMO.city, async (page) => {
      await shootAll(page, [
        ['/', 'dashboard'],
        ['/statistics', 'statistics'],
        [`/statistics/bulletins/${bulletin}`, 'bulletin-detail'],
        ['/awards/screening', 'award-screening'],
        ['/funds', 'funds'],
        ['/policies', 'policies'],
        [`/work-plans/${round}`, 'work-plan-round'],
        [`/annual-summaries/${summary}`, 'annual-summary-round'],
        ['/operation-services', 'operation-services'],
        ['/supervision', 'supervision'],
        ['/service-stations', 'service-stations'],
        ['/help/persons', 'help'],
      ]);
    });
  });
});

/** The images a guide shows: Markdown `![alt](guide/images/x.png)`. */
function referencedImages(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(guide\/images\/([^)\s]+)\)/g)].map((match) => match[1]);
}

describe('the guides', () => {
  it('show only images this run took, and every image taken is shown', () => {
    const referenced = new Set<string>();
    const missing: string[] = [];
    for (const guide of GUIDES) {
      for (const image of referencedImages(readFileSync(`${DOCS}${guide}`, 'utf8'))) {
        referenced.add(image);
        if (!produced.has(image)) missing.push(`${guide}: ${image}`);
      }
    }
    // Orphans: images in the directory that no guide shows (or that this run did not take: stale files).
    const orphans = readdirSync(IMAGES).filter(
      (file) => file.endsWith('.png') && (!referenced.has(file) || !produced.has(file)),
    );
    if (orphans.length > 0) process.stderr.write(`Orphan guide images: ${orphans.join(', ')}\n`);
    expect(referenced.size, 'the guides show screenshots').toBeGreaterThan(10);
    expect(missing, 'images the guides show that this run did not take').toEqual([]);
    expect(orphans, 'images in docs/guide/images that no guide shows or this run did not take').toEqual([]);
  });
});
