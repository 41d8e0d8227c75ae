import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, expectAccessible, launchBrowser, newPage, okJson, signIn } from './support';

// Every page of the SPA, opened by each kind of user who may see it, checked by axe (0 serious or critical
// violations). The workflow suites (./test --long) drive the same pages through their tasks; this one keeps
// an accessibility pass over every page in the everyday ./test.

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
});

type Listed = { id?: string } & Record<string, unknown>;

/** The first record of a list endpoint (a plain array or a page with `items`), or undefined when it is empty. */
async function first(api: APIRequestContext, url: string): Promise<Listed | undefined> {
  const body = await okJson<Listed[] | { items: Listed[] }>(await api.get(url));
  const rows = Array.isArray(body) ? body : body.items;
  return rows[0];
}

/** Opens a path, waits for its level-1 heading and for loading to end, then runs axe. */
async function check(page: Page, path: string, label: string): Promise<void> {
  // In-app navigation (as a link would do it) rather than reloading the whole application for each page.
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForURL((url) => url.pathname === path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // Loaded when no spinner or skeleton is left (the header polls for notifications, so the network never idles).
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'), undefined, {
    timeout: 20000,
  });
  await expectAccessible(page, label);
}

async function visit(userName: string, paths: [string, string][]): Promise<void> {
  let context: BrowserContext | undefined;
  try {
    let page: Page;
    ({ context, page } = await newPage(browser));
    await signIn(page, userName);
    for (const [path, label] of paths) {
      await check(page, path, `${label} (${userName})`);
    }
  } finally {
    await context?.close();
  }
}

describe('every page passes axe', () => {
  // The city officer's pages, in five chunks (each chunk a test of its own, on the same session).
  let cityPages: [string, string][] = [];
  const CHUNK = 14;

  beforeAll(async () => {
    const api = await apiAs(DEMO.city);
    const detail = async (
      list: string,
      page: (id: string) => string,
      label: string,
    ): Promise<[string, string] | undefined> => {
      const row = await first(api, list);
      return row?.id ? [page(String(row.id)), label] : undefined;
    };
    // Detail pages of the records the demo data holds; the workflow suites open the others on the records they create.
    const details = await Promise.all([
      detail('/api/persons?pageSize=1', (id) => `/persons/${id}`, 'person'),
      detail('/api/persons?pageSize=1', (id) => `/persons/${id}/edit`, 'edit person'),
      detail('/api/households?pageSize=1', (id) => `/households/${id}`, 'household'),
      detail('/api/courses?pageSize=1', (id) => `/courses/${id}`, 'course'),
      detail('/api/training-claims?pageSize=1', (id) => `/training-claims/${id}`, 'training claim'),
      detail('/api/shops?pageSize=1', (id) => `/shops/${id}`, 'shop'),
      detail('/api/enterprises?pageSize=1', (id) => `/enterprises/${id}`, 'enterprise'),
      detail('/api/benefit-links?pageSize=1', (id) => `/benefit-links/${id}`, 'benefit link'),
      detail('/api/loans?pageSize=1', (id) => `/loans/${id}`, 'loan'),
      detail('/api/interest-subsidy-claims?pageSize=1', (id) => `/interest-claims/${id}`, 'interest claim'),
      detail('/api/channels/outlets?pageSize=1', (id) => `/outlets/${id}`, 'outlet'),
      detail('/api/channels/exhibitions?pageSize=1', (id) => `/exhibitions/${id}`, 'exhibition'),
      detail('/api/supervision/visits?pageSize=1', (id) => `/supervision/${id}`, 'supervision visit'),
      detail('/api/awards/applications?pageSize=1', (id) => `/awards/applications/${id}`, 'award application'),
      detail('/api/work-plans/rounds', (id) => `/work-plans/${id}`, 'work-plan round'),
      detail('/api/annual-summaries', (id) => `/annual-summaries/${id}`, 'annual-summary round'),
      detail('/api/typical-cases?pageSize=1', (id) => `/typical-cases/${id}`, 'typical case'),
      detail('/api/statistics/bulletins', (id) => `/statistics/bulletins/${id}`, 'bulletin'),
    ]);
    await api.dispose();
    const found = details.filter((d): d is [string, string] => d !== undefined);
    // The demo data holds at least these kinds of records, so the check cannot pass by finding none.
    expect(found.length).toBeGreaterThanOrEqual(8);

    cityPages = [
      ['/', 'dashboard'],
      ['/statistics', 'statistics'],
      ['/statistics/bulletins', 'bulletins'],
      ['/statistics/targets', 'targets'],
      ['/persons', 'persons'],
      ['/persons/new', 'new person'],
      ['/persons/import', 'person import'],
      ['/households', 'households'],
      ['/courses', 'courses'],
      ['/training/statistics', 'trained people'],
      ['/training-claims', 'training claims'],
      ['/training-claims/new', 'new training claim'],
      ['/policies', 'policies'],
      ['/shops', 'shops'],
      ['/sales/pending', 'pending sales'],
      ['/sales/import', 'sales import'],
      ['/enterprises', 'enterprises'],
      ['/products', 'products'],
      ['/partner-clients', 'partner clients'],
      ['/bases', 'bases'],
      ['/supply-agreements', 'supply agreements'],
      ['/employment', 'employment'],
      ['/benefit-links', 'benefit links'],
      ['/loans', 'loans'],
      ['/interest-claims', 'interest claims'],
      ['/incubations', 'incubations'],
      ['/mentoring-contracts', 'mentoring contracts'],
      ['/mentoring-sessions', 'mentoring sessions'],
      ['/outlets', 'outlets'],
      ['/exhibitions', 'exhibitions'],
      ['/operation-services', 'operation services'],
      ['/service-stations', 'service stations'],
      ['/supervision', 'supervision visits'],
      ['/awards', 'award applications'],
      ['/awards/new', 'new award application'],
      ['/awards/screening', 'award screening'],
      ['/funds', 'funds'],
      ['/work-plans', 'work plans'],
      ['/annual-summaries', 'annual summaries'],
      ['/typical-cases', 'typical cases'],
      ['/audit', 'audit log'],
      ['/account/password', 'change password'],
      ['/account/two-factor', 'second factor enrolment'],
      ['/help/awards', 'help'],
      ...found,
    ];
  });

  for (const chunk of [0, 1, 2, 3, 4]) {
    it(`for a city officer: pages ${chunk * CHUNK + 1}–${(chunk + 1) * CHUNK}`, async () => {
      const pages = cityPages.slice(chunk * CHUNK, (chunk + 1) * CHUNK);
      if (chunk === 0) {
        // Five chunks hold every page the list can name (45 lists, forms and help, 18 kinds of detail page).
        expect(cityPages.length).toBeLessThanOrEqual(5 * CHUNK);
      }
      await visit(DEMO.city, pages);
    });
  }

  it('for a county officer: the county summary and the notification centre', async () => {
    const api = await apiAs(DEMO.wuling);
    const me = await okJson<{ countyId: string }>(await api.get('/api/auth/me'));
    const summary = await first(api, '/api/annual-summaries');
    await api.dispose();
    const pages: [string, string][] = [
      ['/', 'dashboard'],
      ['/notifications', 'notifications'],
      ['/persons', 'persons'],
    ];
    if (summary?.id) {
      pages.push([`/annual-summaries/${String(summary.id)}/counties/${me.countyId}`, 'county annual summary']);
    }
    await visit(DEMO.wuling, pages);
  });

  it('for the administrators and the auditor', async () => {
    await visit(DEMO.admin, [
      ['/', 'home'],
      ['/accounts', 'accounts'],
      ['/regions', 'regions'],
    ]);
    await visit(DEMO.auditor, [
      ['/', 'home'],
      ['/audit', 'audit log'],
      ['/persons', 'persons'],
    ]);
  });
});
