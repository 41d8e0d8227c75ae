import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './queryClient';

const unauthorized = { status: 401, title: 'Unauthorized', code: 'auth.unauthenticated' };

describe('createQueryClient', () => {
  it('reports a 401 from any query or mutation', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient(onUnauthorized);
    await client.fetchQuery({ queryKey: ['x'], queryFn: () => Promise.reject(unauthorized) }).catch(() => {});
    await client
      .getMutationCache()
      .build(client, { mutationFn: () => Promise.reject(unauthorized) })
      .execute(undefined)
      .catch(() => {});
    expect(onUnauthorized).toHaveBeenCalledTimes(2);
  });

  it('leaves a 401 to callers that handle it themselves, and ignores other failures', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient(onUnauthorized);
    await client
      .fetchQuery({
        queryKey: ['me'],
        queryFn: () => Promise.reject(unauthorized),
        meta: { handlesUnauthorized: true },
      })
      .catch(() => {});
    await client
      .fetchQuery({ queryKey: ['y'], queryFn: () => Promise.reject({ status: 403, title: 'Forbidden', code: 'x' }) })
      .catch(() => {});
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
