import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Result } from 'antd';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, backgroundApi, toProblem, type CurrentUserDto } from '../api';
import { Loading } from '../components/Loading';
import { signInReasonOf, signInUrl } from './returnUrl';
import { SessionTimeout, type SessionDeadlines, type SessionEnd } from './SessionTimeout';

/** The page where a person enrols their second factor (the only page open while their role requires one). */
export const TWO_FACTOR_PATH = '/account/two-factor';

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

function deadlinesOf(user: CurrentUserDto): SessionDeadlines | null {
  if (!user.sessionIdleExpiresAt || !user.sessionExpiresAt) return null;
  return { idleExpiresAt: Date.parse(user.sessionIdleExpiresAt), expiresAt: Date.parse(user.sessionExpiresAt) };
}

/** Warns before the cookie session ends and returns to the sign-in page, with the reason, when it has. */
function SessionWatch({ user }: { user: CurrentUserDto }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const deadlines = deadlinesOf(user);
  const check = useCallback(
    async () => deadlinesOf(await backgroundApi.getCurrentUser()) ?? Promise.reject(new Error('No session.')),
    [],
  );
  const stay = useCallback(async () => {
    const fresh = await api.getCurrentUser();
    queryClient.setQueryData(CURRENT_USER_KEY, fresh);
    return deadlinesOf(fresh) ?? Promise.reject(new Error('No session.'));
  }, [queryClient]);
  const signOut = useCallback(() => api.signOut(), []);
  const onEnded = useCallback(
    (end: SessionEnd) => {
      const target = end === 'signedOut' ? signInUrl('/') : signInUrl(location.pathname + location.search, end);
      void Promise.resolve(navigate(target, { replace: true })).then(() => queryClient.clear());
    },
    [navigate, location.pathname, location.search, queryClient],
  );
  if (!deadlines) return null;
  return <SessionTimeout deadlines={deadlines} check={check} stay={stay} signOut={signOut} onEnded={onEnded} />;
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
    const problem = toProblem(error);
    if (problem.status === 401) {
      return <Navigate replace to={signInUrl(location.pathname + location.search, signInReasonOf(problem.code))} />;
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
  if (data.twoFactorEnrolmentRequired && location.pathname !== TWO_FACTOR_PATH) {
    return <Navigate replace to={TWO_FACTOR_PATH} />;
  }
  return (
    <CurrentUserContext.Provider value={data}>
      {children}
      <SessionWatch user={data} />
    </CurrentUserContext.Provider>
  );
}
