import {
  AccountBookOutlined,
  AimOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  CustomerServiceOutlined,
  DollarOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  GiftOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LineChartOutlined,
  LinkOutlined,
  MoneyCollectOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ReadOutlined,
  RocketOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  StarOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UploadOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';

/** Permission names as the API reports them in getCurrentUser().permissions. */
export const PERMISSIONS = {
  referenceRead: 'reference.read',
  accountsRead: 'accounts.read',
  accountsManage: 'accounts.manage',
  accessAssign: 'access.assign',
  regionsManage: 'regions.manage',
  programmeRead: 'programme.read',
  programmeWrite: 'programme.write',
  decisionsCounty: 'decisions.county',
  decisionsCity: 'decisions.city',
  piiReveal: 'pii.reveal',
  auditRead: 'audit.read',
  partnersManage: 'partners.manage',
} as const;

/** Who may open a page: holders of any of these permissions; absent means every signed-in user. */
export interface Access {
  anyOf?: readonly string[];
}

/** Headed groups of the side menu; the key of each is its label's i18n key under `nav.groups`. */
export type NavGroup = 'statistics' | 'commerce' | 'support' | 'outreach' | 'awards' | 'reporting';

export interface NavItem extends Access {
  path: string;
  /** i18n key of the menu label, also the page title. */
  labelKey: string;
  icon: ComponentType<{ 'aria-hidden'?: boolean }>;
  /** The menu group the entry is shown under; entries of a group follow each other in NAV. */
  group?: NavGroup;
}

/** The side menu, in order. Each page's route guard uses the same entry. */
export const NAV = {
  home: { path: '/', labelKey: 'nav.home', icon: HomeOutlined },
  // The figures of the programme: every programme reader; bulletins are issued by writers, targets
  // set by city officers.
  statistics: {
    path: '/statistics',
    labelKey: 'nav.statistics',
    icon: LineChartOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'statistics',
  },
  bulletins: {
    path: '/statistics/bulletins',
    labelKey: 'nav.bulletins',
    icon: NotificationOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'statistics',
  },
  targets: {
    path: '/statistics/targets',
    labelKey: 'nav.targets',
    icon: AimOutlined,
    anyOf: [PERMISSIONS.decisionsCity],
    group: 'statistics',
  },
  persons: { path: '/persons', labelKey: 'nav.persons', icon: IdcardOutlined, anyOf: [PERMISSIONS.programmeRead] },
  personImport: {
    path: '/persons/import',
    labelKey: 'nav.personImport',
    icon: UploadOutlined,
    anyOf: [PERMISSIONS.programmeWrite],
  },
  households: {
    path: '/households',
    labelKey: 'nav.households',
    icon: ApartmentOutlined,
    anyOf: [PERMISSIONS.programmeRead],
  },
  courses: { path: '/courses', labelKey: 'nav.courses', icon: BookOutlined, anyOf: [PERMISSIONS.programmeRead] },
  trainedPeople: {
    path: '/training/statistics',
    labelKey: 'nav.trainedPeople',
    icon: BarChartOutlined,
    anyOf: [PERMISSIONS.programmeRead],
  },
  trainingClaims: {
    path: '/training-claims',
    labelKey: 'nav.trainingClaims',
    icon: MoneyCollectOutlined,
    anyOf: [PERMISSIONS.programmeRead],
  },
  // City officers (decisions.city) edit the policy parameters; every programme reader reads them.
  policies: { path: '/policies', labelKey: 'nav.policies', icon: ProfileOutlined, anyOf: [PERMISSIONS.programmeRead] },
  shops: {
    path: '/shops',
    labelKey: 'nav.shops',
    icon: ShopOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'commerce',
  },
  // Readers see what awaits confirmation; only writers confirm (and never their own entries).
  pendingSales: {
    path: '/sales/pending',
    labelKey: 'nav.pendingSales',
    icon: CheckSquareOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'commerce',
  },
  salesImport: {
    path: '/sales/import',
    labelKey: 'nav.salesImport',
    icon: CloudUploadOutlined,
    anyOf: [PERMISSIONS.programmeWrite],
    group: 'commerce',
  },
  enterprises: {
    path: '/enterprises',
    labelKey: 'nav.enterprises',
    icon: BankOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'commerce',
  },
  products: {
    path: '/products',
    labelKey: 'nav.products',
    icon: GiftOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'commerce',
  },
  partnerClients: {
    path: '/partner-clients',
    labelKey: 'nav.partnerClients',
    icon: ApiOutlined,
    anyOf: [PERMISSIONS.partnersManage],
    group: 'commerce',
  },
  // Evidence records of the enterprises' recognitions (measures 3, 4, 6) and micro-loans (measure 7).
  bases: {
    path: '/bases',
    labelKey: 'nav.bases',
    icon: NodeIndexOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  supplyAgreements: {
    path: '/supply-agreements',
    labelKey: 'nav.supplyAgreements',
    icon: FileProtectOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  employment: {
    path: '/employment',
    labelKey: 'nav.employment',
    icon: SolutionOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  benefitLinks: {
    path: '/benefit-links',
    labelKey: 'nav.benefitLinks',
    icon: LinkOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  loans: {
    path: '/loans',
    labelKey: 'nav.loans',
    icon: AccountBookOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  // Claims are started from their loan; readers see the worklist, deciders act on it.
  interestClaims: {
    path: '/interest-claims',
    labelKey: 'nav.interestClaims',
    icon: DollarOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'support',
  },
  // Incubation, mentoring and offline sales channels: readers see them, writers record them.
  incubations: {
    path: '/incubations',
    labelKey: 'nav.incubations',
    icon: RocketOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  mentoringContracts: {
    path: '/mentoring-contracts',
    labelKey: 'nav.mentoringContracts',
    icon: ReadOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  mentoringSessions: {
    path: '/mentoring-sessions',
    labelKey: 'nav.mentoringSessions',
    icon: ScheduleOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  outlets: {
    path: '/outlets',
    labelKey: 'nav.outlets',
    icon: AppstoreOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  exhibitions: {
    path: '/exhibitions',
    labelKey: 'nav.exhibitions',
    icon: CalendarOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  operationServices: {
    path: '/operation-services',
    labelKey: 'nav.operationServices',
    icon: ToolOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  serviceStations: {
    path: '/service-stations',
    labelKey: 'nav.serviceStations',
    icon: CustomerServiceOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'outreach',
  },
  // Awards and the fund ledger: readers see the review queue, the screening and the ledger; the
  // workflow steps, allocations and payments are for the deciding officers.
  awardApplications: {
    path: '/awards',
    labelKey: 'nav.awardApplications',
    icon: TrophyOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'awards',
  },
  awardScreening: {
    path: '/awards/screening',
    labelKey: 'nav.awardScreening',
    icon: FileSearchOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'awards',
  },
  funds: {
    path: '/funds',
    labelKey: 'nav.funds',
    icon: WalletOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'awards',
  },
  // County work plans filed with the city, and typical cases: readers see them; writers, county and
  // city deciders act on them as the API allows.
  workPlans: {
    path: '/work-plans',
    labelKey: 'nav.workPlans',
    icon: FileDoneOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'reporting',
  },
  // Annual summaries: readers see them; county writers write and submit theirs, city deciders open
  // the rounds and return summaries.
  annualSummaries: {
    path: '/annual-summaries',
    labelKey: 'nav.annualSummaries',
    icon: FileTextOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'reporting',
  },
  typicalCases: {
    path: '/typical-cases',
    labelKey: 'nav.typicalCases',
    icon: StarOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'reporting',
  },
  supervision: {
    path: '/supervision',
    labelKey: 'nav.supervision',
    icon: SafetyCertificateOutlined,
    anyOf: [PERMISSIONS.programmeRead],
    group: 'reporting',
  },
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

/** Pages reached from a menu page rather than from the menu. */
export const PAGE_ACCESS = {
  programmeWrite: { anyOf: [PERMISSIONS.programmeWrite] },
} as const satisfies Record<string, Access>;

// NavItem is named beside Access because TypeScript rejects an item without `anyOf` (home) as Access alone.
export function isAllowed(access: Access | NavItem, permissions: readonly string[]): boolean {
  return !access.anyOf || access.anyOf.some((permission) => permissions.includes(permission));
}

export function visibleNav(permissions: readonly string[]): NavItem[] {
  return Object.values(NAV).filter((item: NavItem) => isAllowed(item, permissions));
}

/** A group of the side menu with its entries. */
export interface NavGroupEntries {
  group: NavGroup;
  items: NavItem[];
}

/** The menu's entries in order, those of a group gathered under it where its first entry stands. */
export function navSections(items: readonly NavItem[]): (NavItem | NavGroupEntries)[] {
  const sections: (NavItem | NavGroupEntries)[] = [];
  const groups = new Map<NavGroup, NavGroupEntries>();
  for (const item of items) {
    if (!item.group) {
      sections.push(item);
      continue;
    }
    let entries = groups.get(item.group);
    if (!entries) {
      entries = { group: item.group, items: [] };
      groups.set(item.group, entries);
      sections.push(entries);
    }
    entries.items.push(item);
  }
  return sections;
}
