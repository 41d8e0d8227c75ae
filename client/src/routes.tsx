import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from './auth/RequirePermission';
import { SIGN_IN_PATH } from './auth/returnUrl';
import { RequireAuth } from './auth/session';
import { AppLayout } from './layout/AppLayout';
import { NAV } from './nav/navigation';
import { AccountsPage } from './pages/accounts/AccountsPage';
import { AuditLogPage } from './pages/audit/AuditLogPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RegionsPage } from './pages/regions/RegionsPage';
import { SignInPage } from './pages/SignInPage';

export const routes: RouteObject[] = [
  { path: SIGN_IN_PATH, element: <SignInPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      {
        path: NAV.accounts.path,
        element: (
          <RequirePermission item={NAV.accounts}>
            <AccountsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.regions.path,
        element: (
          <RequirePermission item={NAV.regions}>
            <RegionsPage />
          </RequirePermission>
        ),
      },
      {
        path: NAV.audit.path,
        element: (
          <RequirePermission item={NAV.audit}>
            <AuditLogPage />
          </RequirePermission>
        ),
      },
      { path: NAV.changePassword.path, element: <ChangePasswordPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
