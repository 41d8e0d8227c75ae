import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../components/usePageTitle';
import { isAllowed, type Access, type NavItem } from '../nav/navigation';
import { useCurrentUser } from './session';

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('forbidden.title')}</h1>}
      subTitle={t('forbidden.detail')}
    />
  );
}

/** Renders the page only for users whose permissions open its menu entry (or the access it names). */
export function RequirePermission({ item, children }: { item: Access | NavItem; children: ReactNode }) {
  const { permissions } = useCurrentUser();
  return isAllowed(item, permissions) ? children : <Forbidden />;
}
