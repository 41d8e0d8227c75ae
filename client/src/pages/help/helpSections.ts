// Which section of the officers' guide explains which page; kept apart from the guide's text, which loads
// only with the help page.

export const HELP_PATH = '/help';

/** The guide section for each page, by the page's path prefix (the longest prefix wins). */
export const HELP_SECTIONS: [prefix: string, section: string][] = [
  ['/persons', 'persons'],
  ['/households', 'persons'],
  ['/courses', 'training'],
  ['/training', 'training'],
  ['/training-claims', 'training'],
  ['/shops', 'shops'],
  ['/sales', 'shops'],
  ['/awards', 'awards'],
  ['/funds', 'awards'],
  ['/policies', 'awards'],
  ['/work-plans', 'work-plans'],
  ['/annual-summaries', 'work-plans'],
  ['/statistics', 'statistics'],
  ['/operation-services', 'registers'],
  ['/supervision', 'registers'],
  ['/service-stations', 'registers'],
  [HELP_PATH, 'help'],
];

/** The section of the guide that explains the page at this path ('start' when none does). */
export function helpSection(pathname: string): string {
  if (pathname === '/') return 'statistics';
  const match = HELP_SECTIONS.filter(([prefix]) => pathname === prefix || pathname.startsWith(`${prefix}/`)).sort(
    ([a], [b]) => b.length - a.length,
  )[0];
  return match ? match[1] : 'start';
}
