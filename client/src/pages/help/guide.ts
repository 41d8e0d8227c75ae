import type { Language } from '../../i18n';
import guideEn from '../../../../docs/user-guide.en.md?raw';
import guideZh from '../../../../docs/user-guide.zh-CN.md?raw';
import { parseGuide, type Guide } from './markdown';

// The officers' guide, bundled at build time from docs/ with its screenshots (docs/guide/images, taken by
// e2e/guide.e2e.test.ts), so the help pages always show the guide of the same version as the application.

const GUIDES: Record<Language, Guide> = { 'zh-CN': parseGuide(guideZh), en: parseGuide(guideEn) };

const IMAGES = import.meta.glob<string>('../../../../docs/guide/images/*.png', {
  eager: true,
  query: '?url',
  import: 'default',
});

export function guideFor(language: Language): Guide {
  return GUIDES[language];
}

/** The bundled URL of a screenshot the guide names as `guide/images/x.png`, or undefined. */
export function guideImageUrl(src: string): string | undefined {
  const name = /^guide\/images\/([^/]+\.png)$/.exec(src)?.[1];
  return name ? IMAGES[`../../../../docs/guide/images/${name}`] : undefined;
}
