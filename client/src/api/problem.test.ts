import { describe, expect, it } from 'vitest';
import { NETWORK_ERROR_CODE, toProblem, UNEXPECTED_ERROR_CODE } from './problem';

/** The shape of NSwag's ApiException. */
function apiException(status: number, response: string) {
  return Object.assign(new Error('An unexpected server error occurred.'), {
    isApiException: true as const,
    status,
    response,
    headers: {},
    result: null,
  });
}

describe('toProblem', () => {
  it('reads a problem body from an ApiException', () => {
    const body = {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
      title: 'Unauthorized',
      status: 401,
      detail: 'The user name or password is wrong.',
      code: 'auth.invalid_credentials',
      traceId: '00-abc-def-01',
    };
    expect(toProblem(apiException(401, JSON.stringify(body)))).toEqual({
      status: 401,
      code: 'auth.invalid_credentials',
      title: 'Unauthorized',
      detail: 'The user name or password is wrong.',
      traceId: '00-abc-def-01',
      errors: undefined,
      fieldErrors: undefined,
    });
  });

  it('keeps validation errors by field', () => {
    const body = {
      title: 'One or more fields are invalid.',
      status: 400,
      code: 'validation.failed',
      traceId: 't',
      errors: { userName: ['Too short.'], password: ['Too weak.', 'Too common.'] },
      fieldErrors: [{ field: 'userName', code: 'too_short', message: 'Too short.' }, { field: 'x' }],
    };
    const problem = toProblem(apiException(400, JSON.stringify(body)));
    expect(problem.errors).toEqual({
      userName: ['Too short.'],
      password: ['Too weak.', 'Too common.'],
    });
    expect(problem.fieldErrors).toEqual([{ field: 'userName', code: 'too_short', message: 'Too short.' }]);
  });

  it('accepts a problem object the client parsed and threw itself', () => {
    const problem = toProblem({ status: 409, title: 'Conflict', code: 'account.role_conflict', traceId: 't-1' });
    expect(problem).toMatchObject({ status: 409, code: 'account.role_conflict', title: 'Conflict', traceId: 't-1' });
  });

  it('falls back to the HTTP status when the body is empty or not JSON', () => {
    expect(toProblem(apiException(429, ''))).toEqual({ status: 429, code: 'http.429', title: '' });
    expect(toProblem(apiException(502, '<html>Bad gateway</html>'))).toEqual({
      status: 502,
      code: 'http.502',
      title: '',
    });
  });

  it('takes the status of the response when the body has none', () => {
    expect(toProblem(apiException(412, JSON.stringify({ title: 'Stale', code: 'concurrency.stale' })))).toMatchObject({
      status: 412,
      code: 'concurrency.stale',
    });
  });

  it('reports a failed fetch as a network problem', () => {
    expect(toProblem(new TypeError('Failed to fetch'))).toEqual({ status: 0, code: NETWORK_ERROR_CODE, title: '' });
  });

  it('reports anything else as unexpected', () => {
    expect(toProblem(new Error('boom')).code).toBe(UNEXPECTED_ERROR_CODE);
    expect(toProblem('nope').code).toBe(UNEXPECTED_ERROR_CODE);
    expect(toProblem(undefined).code).toBe(UNEXPECTED_ERROR_CODE);
  });
});
