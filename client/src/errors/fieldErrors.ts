import type { FormInstance } from 'antd';
import type { i18n as I18n } from 'i18next';
import type { Problem } from '../api/problem';

/**
 * The message for a coded error about a field: the translation of its code when there is one (a field
 * code such as `required`, or a rule code such as `account.role_conflict`), else the server's message.
 */
export function codedMessage({ code, message }: { code: string; message: string }, i18n: I18n): string {
  const key = [`fieldErrors.${code}`, `problems.${code}`].find((candidate) => i18n.exists(candidate));
  return key ? i18n.t(key) : message;
}

/** A problem's messages by field, translated by code where possible. */
export function fieldMessages(problem: Problem, i18n: I18n): Record<string, string[]> {
  if (!problem.fieldErrors) return problem.errors ?? {};
  const messages: Record<string, string[]> = {};
  for (const error of problem.fieldErrors) {
    (messages[error.field] ??= []).push(codedMessage(error, i18n));
  }
  return messages;
}

/** A field's path as a form names it: the API's `months[2].amount` is the form's `months.2.amount`. */
function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/**
 * Shows a problem's field errors on the matching Form.Items (field names are the camelCase JSON
 * paths the API validates, `months[2].amount` for a row of a Form.List) and returns the messages no
 * field on the form claims.
 */
export function applyFieldErrors(form: FormInstance, problem: Problem, i18n: I18n): string[] {
  const names = form.getFieldsError().map(({ name }) => name);
  const joined = names.map((name) => name.join('.'));
  // A Form.List is registered as a field too, but shows no error of its own: its errors go unclaimed.
  const registered = new Map(
    names.flatMap((name, index) =>
      joined.some((other) => other.startsWith(`${joined[index]}.`)) ? [] : [[joined[index], name] as const],
    ),
  );
  const unclaimed: string[] = [];
  const fields = Object.entries(fieldMessages(problem, i18n)).flatMap(([field, errors]) => {
    const name = registered.get(formPath(field));
    if (name) return [{ name, errors }];
    unclaimed.push(...errors);
    return [];
  });
  form.setFields(fields);
  return unclaimed;
}
