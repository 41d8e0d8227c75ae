import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toProblem, type Problem } from './problem';

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

/** A query client that calls onUnauthorized (with the problem) when any request answers 401 (the session ended). */
export function createQueryClient(onUnauthorized: (problem: Problem) => void): QueryClient {
  const handle = (error: unknown, meta: RequestMeta | undefined) => {
    const problem = toProblem(error);
    if (!meta?.handlesUnauthorized && problem.status === 401) onUnauthorized(problem);
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
