import { afterEach, describe, expect, it } from 'vitest';
import i18n, { DEFAULT_LANGUAGE, setLanguage } from '../i18n';
import { problemMessage } from './problemMessage';

describe('problemMessage', () => {
  afterEach(async () => {
    await setLanguage(DEFAULT_LANGUAGE);
  });

  it('translates a known code, whatever the server said', async () => {
    const problem = { status: 401, code: 'auth.invalid_credentials', title: 'Unauthorized', detail: 'Wrong password.' };
    expect(problemMessage(problem, i18n)).toBe('用户名或密码不正确。');
    await setLanguage('en');
    expect(problemMessage(problem, i18n)).toBe('The user name or password is not correct.');
  });

  it('shows the server detail for an unknown code', () => {
    const problem = {
      status: 422,
      code: 'award.threshold_not_met',
      title: 'Rule broken',
      detail: 'Sales below 100,000.',
    };
    expect(problemMessage(problem, i18n)).toBe('Sales below 100,000.');
  });

  it('shows the server title when there is no detail', () => {
    expect(problemMessage({ status: 422, code: 'award.unknown', title: 'Rule broken' }, i18n)).toBe('Rule broken');
  });

  it('translates the status when the server said nothing', () => {
    expect(problemMessage({ status: 429, code: 'http.429', title: '' }, i18n)).toBe('请求过于频繁，请稍后再试。');
    expect(problemMessage({ status: 418, code: 'http.418', title: '' }, i18n)).toBe('操作未能完成，请稍后重试。');
  });

  it('explains a network failure', () => {
    expect(problemMessage({ status: 0, code: 'network.unavailable', title: '' }, i18n)).toBe(
      '无法连接服务器，请检查网络后重试。',
    );
  });
});
