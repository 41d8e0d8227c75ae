import type { i18n as I18n } from 'i18next';
import type { Problem } from '../api/problem';

/**
 * The message to show for a problem: the translation of its code when there is one, else what
 * the server said, else a translation of the HTTP status.
 */
export function problemMessage(problem: Problem, i18n: I18n): string {
  const codeKey = `problems.${problem.code}`;
  if (i18n.exists(codeKey)) return i18n.t(codeKey);
  if (problem.detail) return problem.detail;
  if (problem.title) return problem.title;
  const statusKey = `problems.http.${problem.status}`;
  return i18n.exists(statusKey) ? i18n.t(statusKey) : i18n.t('problems.unexpected');
}
