import { describe, expect, it } from 'vitest';
import enMarkdown from '../../../../docs/user-guide.en.md?raw';
import zhMarkdown from '../../../../docs/user-guide.zh-CN.md?raw';
import enResource from '../../i18n/en.json';
import zhCN from '../../i18n/zh-CN.json';
import { guideFor, guideImageUrl } from './guide';
import { HELP_SECTIONS, helpSection } from './helpSections';
import { guideImages } from './markdown';

const zh = guideFor('zh-CN');
const en = guideFor('en');

describe('the officers’ guide', () => {
  it('has the same sections, in the same order, in Chinese and in English', () => {
    const ids = zh.sections.map((section) => section.id);
    expect(ids).toEqual(en.sections.map((section) => section.id));
    expect(ids).toEqual([
      'start',
      'persons',
      'training',
      'shops',
      'awards',
      'work-plans',
      'statistics',
      'registers',
      'help',
    ]);
    for (const section of [...zh.sections, ...en.sections]) expect(section.title, section.id).not.toBe('');
  });

  it('has a section for every page the help link can name', () => {
    const ids = new Set(zh.sections.map((section) => section.id));
    for (const [, section] of HELP_SECTIONS) expect(ids.has(section), section).toBe(true);
    expect(ids.has(helpSection('/accounts'))).toBe(true);
  });

  it('shows the same screenshots in both languages, each one bundled', () => {
    const images = guideImages(zh);
    expect(images.length).toBeGreaterThan(10);
    expect([...guideImages(en)].sort()).toEqual([...images].sort());
    for (const image of images) expect(guideImageUrl(image), image).toBeDefined();
  });

  /** Every text of an interface language, plural counts written as N (as the guides write them). */
  function interfaceTexts(resource: unknown): Set<string> {
    const texts = new Set<string>();
    const collect = (value: unknown) => {
      if (typeof value === 'string')
        texts.add(value.replace(/（\{\{count\}\} 条）$/, '（N 条）').replace(/ \(\{\{count\}\}\)$/, ' (N)'));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(resource);
    return texts;
  }

  // Every label a guide quotes must be a whole text of the interface, so that a renamed button shows up
  // here; the only other quotes are indicator names (defined in the API) and the section anchors.
  it.each([
    [
      'zh-CN',
      zhMarkdown,
      zhCN,
      /“([^”]+)”/g,
      [
        '培训残疾人数',
        '销售额',
        '退款',
        '网络销售额',
        '新开网店数',
        '在营网店数',
        '各区县对比',
        '电商运营延伸服务户数和基地数',
        '村级服务站、微店进小区招募残疾人数',
        '企业吸纳残疾人就业人数',
      ],
    ],
    [
      'en',
      enMarkdown,
      enResource,
      /"([^"]+)"/g,
      [
        'Sales amount',
        'Active shops',
        'Counties compared',
        'Households and bases served',
        'Disabled people employed by enterprises',
      ],
    ],
  ] as const)(
    'quotes in %s only the labels the interface shows',
    (_language, markdown, resource, quote, indicators) => {
      const texts = interfaceTexts(resource);
      const anchors = new Set(zh.sections.map((section) => section.id));
      const quoted = [...markdown.matchAll(quote)].map((match) => match[1]).filter((label) => !anchors.has(label));
      expect(quoted.length).toBeGreaterThan(100);
      expect(quoted.filter((label) => !texts.has(label) && !(indicators as readonly string[]).includes(label))).toEqual(
        [],
      );
    },
  );

  it('opens the section of the page at hand', () => {
    expect(helpSection('/')).toBe('statistics');
    expect(helpSection('/persons/123/edit')).toBe('persons');
    expect(helpSection('/households')).toBe('persons');
    expect(helpSection('/training-claims/new')).toBe('training');
    expect(helpSection('/sales/pending')).toBe('shops');
    expect(helpSection('/awards/screening')).toBe('awards');
    expect(helpSection('/annual-summaries/1/counties/2')).toBe('work-plans');
    expect(helpSection('/supervision/9')).toBe('registers');
    expect(helpSection('/accounts')).toBe('start');
  });
});
