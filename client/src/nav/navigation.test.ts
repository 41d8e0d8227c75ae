import { describe, expect, it } from 'vitest';
import { isAllowed, NAV, navSections, PERMISSIONS, visibleNav } from './navigation';

/** The permissions the API reports for each demo role (src/Domain/AccessControl/RoleTable.cs). */
const ROLE_PERMISSIONS = {
  SystemAdmin: [
    PERMISSIONS.referenceRead,
    PERMISSIONS.accountsRead,
    PERMISSIONS.accountsManage,
    PERMISSIONS.regionsManage,
  ],
  SecurityAdmin: [PERMISSIONS.referenceRead, PERMISSIONS.accountsRead, PERMISSIONS.accessAssign],
  CityOfficer: [
    PERMISSIONS.referenceRead,
    PERMISSIONS.programmeRead,
    PERMISSIONS.programmeWrite,
    PERMISSIONS.decisionsCity,
    PERMISSIONS.auditRead,
    PERMISSIONS.piiReveal,
    PERMISSIONS.partnersManage,
  ],
  CountyOfficer: [
    PERMISSIONS.referenceRead,
    PERMISSIONS.programmeRead,
    PERMISSIONS.programmeWrite,
    PERMISSIONS.decisionsCounty,
    PERMISSIONS.piiReveal,
  ],
  Auditor: [PERMISSIONS.referenceRead, PERMISSIONS.programmeRead, PERMISSIONS.auditRead, PERMISSIONS.accountsRead],
};

const paths = (permissions: readonly string[]) => visibleNav(permissions).map((item) => item.path);

describe('navigation by permission', () => {
  it('shows accounts and regions to the system administrator, not the audit log', () => {
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).toEqual(['/', '/accounts', '/regions', '/account/password']);
  });

  it('shows accounts to the security administrator', () => {
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).toEqual(['/', '/accounts', '/regions', '/account/password']);
  });

  it('shows the audit log to city officers and auditors', () => {
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toContain('/audit');
    expect(paths(ROLE_PERMISSIONS.Auditor)).toContain('/audit');
  });

  it('keeps county officers out of accounts and the audit log', () => {
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).toEqual([
      '/',
      '/statistics',
      '/statistics/bulletins',
      '/persons',
      '/persons/import',
      '/households',
      '/courses',
      '/training/statistics',
      '/training-claims',
      '/policies',
      '/shops',
      '/sales/pending',
      '/sales/import',
      '/enterprises',
      '/products',
      '/bases',
      '/supply-agreements',
      '/employment',
      '/benefit-links',
      '/loans',
      '/interest-claims',
      '/incubations',
      '/mentoring-contracts',
      '/mentoring-sessions',
      '/outlets',
      '/exhibitions',
      '/operation-services',
      '/service-stations',
      '/awards',
      '/awards/screening',
      '/funds',
      '/work-plans',
      '/annual-summaries',
      '/typical-cases',
      '/supervision',
      '/regions',
      '/account/password',
    ]);
  });

  it('shows the registry to programme readers and the import only to writers', () => {
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(
      expect.arrayContaining(['/persons', '/persons/import', '/households']),
    );
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(['/persons', '/households']));
    expect(paths(ROLE_PERMISSIONS.Auditor)).not.toContain('/persons/import');
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/persons');
  });

  it('shows training and the policies to programme readers', () => {
    const training = ['/courses', '/training/statistics', '/training-claims', '/policies'];
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(expect.arrayContaining(training));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(training));
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).not.toContain('/courses');
  });

  it('shows the commerce pages to programme readers, the sales import to writers, partner clients to their managers', () => {
    const commerce = ['/shops', '/sales/pending', '/enterprises', '/products'];
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(
      expect.arrayContaining([...commerce, '/sales/import', '/partner-clients']),
    );
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(commerce));
    expect(paths(ROLE_PERMISSIONS.Auditor)).not.toContain('/sales/import');
    expect(paths(ROLE_PERMISSIONS.Auditor)).not.toContain('/partner-clients');
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).not.toContain('/partner-clients');
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/shops');
  });

  it('shows the assistance and employment pages to every programme reader', () => {
    const support = ['/bases', '/supply-agreements', '/employment', '/benefit-links', '/loans', '/interest-claims'];
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(expect.arrayContaining(support));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(support));
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/bases');
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).not.toContain('/loans');
  });

  it('shows work plans, annual summaries and typical cases to every programme reader, under one group', () => {
    const reporting = ['/work-plans', '/annual-summaries', '/typical-cases'];
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).toEqual(expect.arrayContaining(reporting));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(reporting));
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/work-plans');
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).not.toContain('/annual-summaries');
    const sections = navSections(visibleNav(ROLE_PERMISSIONS.Auditor));
    const group = sections.find((section) => 'items' in section && section.group === 'reporting');
    expect(group && 'items' in group ? group.items.map((item) => item.path) : []).toEqual([
      ...reporting,
      '/supervision',
    ]);
  });

  it('gathers the commerce, assistance, outreach and award pages, each under one menu group', () => {
    const sections = navSections(visibleNav(ROLE_PERMISSIONS.CityOfficer));
    const labels = sections.map((section) => ('items' in section ? section.group : section.path));
    expect(labels).toEqual([
      '/',
      'statistics',
      '/persons',
      '/persons/import',
      '/households',
      '/courses',
      '/training/statistics',
      '/training-claims',
      '/policies',
      'commerce',
      'support',
      'outreach',
      'awards',
      'reporting',
      '/regions',
      '/audit',
      '/account/password',
    ]);
    const items = (group: string) =>
      sections.flatMap((section) => ('items' in section && section.group === group ? section.items : []));
    expect(items('commerce').map((item) => item.path)).toEqual([
      '/shops',
      '/sales/pending',
      '/sales/import',
      '/enterprises',
      '/products',
      '/partner-clients',
    ]);
    expect(items('support').map((item) => item.path)).toEqual([
      '/bases',
      '/supply-agreements',
      '/employment',
      '/benefit-links',
      '/loans',
      '/interest-claims',
    ]);
    expect(items('outreach').map((item) => item.path)).toEqual([
      '/incubations',
      '/mentoring-contracts',
      '/mentoring-sessions',
      '/outlets',
      '/exhibitions',
      '/operation-services',
      '/service-stations',
    ]);
    expect(items('awards').map((item) => item.path)).toEqual(['/awards', '/awards/screening', '/funds']);
  });

  it('shows the awards, their screening and the fund ledger to every programme reader', () => {
    const awards = ['/awards', '/awards/screening', '/funds'];
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).toEqual(expect.arrayContaining(awards));
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(expect.arrayContaining(awards));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(awards));
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/funds');
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).not.toContain('/awards');
  });

  it('shows incubation, mentoring and the offline channels to every programme reader', () => {
    const outreach = [
      '/incubations',
      '/mentoring-contracts',
      '/mentoring-sessions',
      '/outlets',
      '/exhibitions',
      '/operation-services',
      '/service-stations',
      '/supervision',
    ];
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).toEqual(expect.arrayContaining(outreach));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(outreach));
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/outlets');
    expect(paths(ROLE_PERMISSIONS.SecurityAdmin)).not.toContain('/incubations');
  });

  it('shows the statistics and bulletins to programme readers, the targets to city officers only', () => {
    const statistics = ['/statistics', '/statistics/bulletins'];
    expect(paths(ROLE_PERMISSIONS.CityOfficer)).toEqual(expect.arrayContaining([...statistics, '/statistics/targets']));
    expect(paths(ROLE_PERMISSIONS.Auditor)).toEqual(expect.arrayContaining(statistics));
    expect(paths(ROLE_PERMISSIONS.CountyOfficer)).not.toContain('/statistics/targets');
    expect(paths(ROLE_PERMISSIONS.Auditor)).not.toContain('/statistics/targets');
    expect(paths(ROLE_PERMISSIONS.SystemAdmin)).not.toContain('/statistics');
  });

  it('always offers home and the own password, even without permissions', () => {
    expect(paths([])).toEqual(['/', '/account/password']);
  });

  it('allows an entry when any one of its permissions is held', () => {
    expect(isAllowed(NAV.accounts, [PERMISSIONS.accessAssign])).toBe(true);
    expect(isAllowed(NAV.accounts, [PERMISSIONS.programmeRead])).toBe(false);
    expect(isAllowed(NAV.home, [])).toBe(true);
  });
});
