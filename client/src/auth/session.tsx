import { useQuery } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router-dom';
import { api, toProblem, type CurrentUserDto } from '../api';
import { Loading } from '../components/Loading';
import { signInUrl } from './returnUrl';

export const CURRENT_USER_KEY = ['currentUser'] as const;

function useCurrentUserQuery() {
  return useQuery({
    queryKey: CURRENT_USER_KEY,
    queryFn: () => api.getCurrentUser(),
    retry: false,
    staleTime: 5 * 60_000,
    meta: { handlesUnauthorized: true },
  });
}

const CurrentUserContext = createContext<CurrentUserDto | null>(null);

/** The signed-in user; only inside RequireAuth. */
export function useCurrentUser(): CurrentUserDto {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside RequireAuth.');
  return user;
}

/** Renders its children for a signed-in user; sends anyone else to sign in, keeping the way back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data, error, isPending, refetch } = useCurrentUserQuery();
  if (isPending) {
    return <Loading fullPage />;
  }
  if (error) {
    if (toProblem(error).status === 401) {
      return <Navigate replace to={signInUrl(location.pathname + location.search)} />;
    }
    return (
      <main className="full-page-center">
        <Result
          status="error"
          title={t('session.unavailable')}
          extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>}
        />
      </main>
    );
  }
  return <CurrentUserContext.Provider value={data}>{children}</CurrentUserContext.Provider>;
}
