import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toProblem } from './problem';

interface RequestMeta extends Record<string, unknown> {
  /** The caller handles a 401 itself (signing in, checking the session). */
  handlesUnauthorized?: boolean;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: RequestMeta;
    mutationMeta: RequestMeta;
  }
}

/** A query client that calls onUnauthorized when any request answers 401 (the session ended). */
export function createQueryClient(onUnauthorized: () => void): QueryClient {
  const handle = (error: unknown, meta: RequestMeta | undefined) => {
    if (!meta?.handlesUnauthorized && toProblem(error).status === 401) onUnauthorized();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => handle(error, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && toProblem(error).status >= 500,
        refetchOnWindowFocus: false,
      },
    },
  });
}
