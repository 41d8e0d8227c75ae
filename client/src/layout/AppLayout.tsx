import { LogoutOutlined, QuestionCircleOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Layout, Menu } from 'antd';
import { createElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { api, toProblem } from '../api';
import { SIGN_IN_PATH } from '../auth/returnUrl';
import { useCurrentUser } from '../auth/session';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { navSections, visibleNav, type NavItem } from '../nav/navigation';
import { problemMessage } from '../errors/problemMessage';
import { HELP_PATH, helpSection } from '../pages/help/helpSections';
import { NotificationBell } from '../pages/notifications/NotificationBell';

function selectedKey(pathname: string, paths: string[]): string[] {
  const match = paths
    .filter((path) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
  return match ? [match] : [];
}

/** The signed-in shell: skip link, header, side navigation by permission, main content. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After client-side navigation, move focus to the new content so screen readers read it.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    mainRef.current?.focus();
  }, [location.pathname]);

  const signOut = useMutation({
    mutationFn: () => api.signOut(),
    onSuccess: async () => {
      await navigate(SIGN_IN_PATH, { replace: true });
      queryClient.clear();
    },
    onError: (error) => void message.error(problemMessage(toProblem(error), i18n)),
  });

  const items = visibleNav(user.permissions);
  const menuItem = (item: NavItem) => ({
    key: item.path,
    icon: createElement(item.icon, { 'aria-hidden': true }),
    label: <Link to={item.path}>{t(item.labelKey)}</Link>,
  });

  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main-content">
        {t('layout.skipToContent')}
      </a>
      <Layout.Header className="app-header">
        <Link to="/" className="app-brand">
          {t('app.name')}
        </Link>
        <Flex align="center" gap="middle" wrap className="app-header-tools">
          {/* The guide's section for this page; its name says so, its visible word is part of that name. */}
          <Link
            to={`${HELP_PATH}/${helpSection(location.pathname)}`}
            className="app-help"
            aria-label={t('help.linkName')}
          >
            <QuestionCircleOutlined aria-hidden /> {t('help.link')}
          </Link>
          <NotificationBell />
          <span className="app-user">
            <UserOutlined aria-hidden />
            <span>{user.displayName}</span>
          </span>
          <LanguageSwitch />
          <Button icon={<LogoutOutlined aria-hidden />} loading={signOut.isPending} onClick={() => signOut.mutate()}>
            {t('layout.signOut')}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" className="app-sider">
          <nav aria-label={t('layout.navigation')}>
            <Menu
              mode="inline"
              selectedKeys={selectedKey(
                location.pathname,
                items.map((item) => item.path),
              )}
              items={navSections(items).map((section) =>
                'items' in section
                  ? {
                      type: 'group' as const,
                      key: `group-${section.group}`,
                      label: t(`nav.groups.${section.group}`),
                      children: section.items.map(menuItem),
                    }
                  : menuItem(section),
              )}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content id="main-content" ref={mainRef} tabIndex={-1} className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
