import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { toProblem } from '../../api';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { RequestError } from '../../errors/ProblemAlert';
import { NotFoundPage } from '../NotFoundPage';

interface RecordPageProps<T> {
  query: UseQueryResult<T>;
  /** The page title until the record has loaded. */
  title: string;
  notFoundTitle: string;
  notFoundDetail: string;
  children: (record: T) => ReactNode;
}

/**
 * A page about one record: a spinner while it loads, "not found" when it does not exist or lies
 * outside the caller's county (the API answers 404 to both), the error otherwise.
 */
export function RecordPage<T>({ query, title, notFoundTitle, notFoundDetail, children }: RecordPageProps<T>) {
  if (query.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (query.isError) {
    return toProblem(query.error).status === 404 ? (
      <NotFoundPage title={notFoundTitle} detail={notFoundDetail} />
    ) : (
      <Page title={title}>
        <RequestError error={query.error} />
      </Page>
    );
  }
  return children(query.data);
}
