import { AuditOutlined, EnvironmentOutlined, HomeOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';

/** Permission names as the API reports them in getCurrentUser().permissions. */
export const PERMISSIONS = {
  referenceRead: 'reference.read',
  accountsRead: 'accounts.read',
  accountsManage: 'accounts.manage',
  accessAssign: 'access.assign',
  regionsManage: 'regions.manage',
  programmeRead: 'programme.read',
  auditRead: 'audit.read',
} as const;

export interface NavItem {
  path: string;
  /** i18n key of the menu label, also the page title. */
  labelKey: string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  /** Shown when the user holds any of these; absent means every signed-in user. */
  anyOf?: readonly string[];
}

/** The side menu, in order. Each page's route guard uses the same entry. */
export const NAV = {
  home: { path: '/', labelKey: 'nav.home', icon: HomeOutlined },
  accounts: {
    path: '/accounts',
    labelKey: 'nav.accounts',
    icon: TeamOutlined,
    anyOf: [PERMISSIONS.accountsRead, PERMISSIONS.accountsManage, PERMISSIONS.accessAssign],
  },
  regions: { path: '/regions', labelKey: 'nav.regions', icon: EnvironmentOutlined, anyOf: [PERMISSIONS.referenceRead] },
  audit: { path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, anyOf: [PERMISSIONS.auditRead] },
  changePassword: { path: '/account/password', labelKey: 'nav.changePassword', icon: KeyOutlined },
} as const satisfies Record<string, NavItem>;

export function isAllowed(item: NavItem, permissions: readonly string[]): boolean {
  return !item.anyOf || item.anyOf.some((permission) => permissions.includes(permission));
}

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return Object.values(NAV).filter((item: NavItem) => isAllowed(item, permissions));
}
