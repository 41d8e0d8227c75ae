import { afterEach, describe, expect, it, vi } from 'vitest';
import en from './en.json';
import i18n, { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, setLanguage } from '.';
import zhCN from './zh-CN.json';

function keys(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** Plural forms differ by language (Chinese has one), so compare keys without their plural suffix. */
function baseKeys(resource: object): string[] {
  return [...new Set(keys(resource).map((key) => key.replace(/_(one|other)$/, '')))].sort();
}

describe('i18n', () => {
  afterEach(async () => {
    await setLanguage(DEFAULT_LANGUAGE);
  });

  it('starts in Simplified Chinese and marks the document so', () => {
    expect(i18n.language).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.t('signIn.title')).toBe('登录');
  });

  it('switches to English, sets <html lang> and remembers the choice', async () => {
    await setLanguage('en');
    expect(i18n.t('signIn.title')).toBe('Sign in');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });

  it('starts in the remembered language on the next visit', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    vi.resetModules();
    const fresh = await import('.');
    expect(fresh.default.language).toBe('en');
    expect(fresh.default.t('nav.home')).toBe('Home');
  });

  it('ignores a remembered value that is not a supported language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    vi.resetModules();
    const fresh = await import('.');
    expect(fresh.default.language).toBe('zh-CN');
  });

  it('has the same keys in both languages', () => {
    expect(baseKeys(en)).toEqual(baseKeys(zhCN));
  });

  it('uses plural forms for counts in English', async () => {
    await setLanguage('en');
    expect(i18n.t('common.total', { count: 1 })).toBe('1 item');
    expect(i18n.t('common.total', { count: 3 })).toBe('3 items');
  });
});
