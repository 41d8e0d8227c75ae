import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import './i18n';
import { createQueryClient } from './api/queryClient';
import { AppProviders } from './AppProviders';
import { SIGN_IN_PATH, signInReasonOf, signInUrl } from './auth/returnUrl';
import { routes } from './routes';
import './styles.css';

const router = createBrowserRouter(routes);

// Any request answering 401 means the session is gone: sign in again (told why, when it timed out), then come back here.
const queryClient = createQueryClient((problem) => {
  const { pathname, search } = window.location;
  if (pathname === SIGN_IN_PATH) return;
  void router
    .navigate(signInUrl(pathname + search, signInReasonOf(problem.code)), { replace: true })
    .then(() => queryClient.clear());
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
