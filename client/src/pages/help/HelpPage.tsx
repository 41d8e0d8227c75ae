import { Alert, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Page } from '../../components/Page';
import { useLanguage } from '../../i18n/useLanguage';
import { guideFor, guideImageUrl } from './guide';
import { HELP_PATH } from './helpSections';
import { renderBlocks, type RenderOptions } from './markdown';

const OPTIONS: RenderOptions = {
  imageUrl: guideImageUrl,
  // Links between the two guide files become text: the language switch in the header chooses the guide.
  link: (href, text, key) =>
    /^https?:\/\//.test(href) ? (
      <a key={key} href={href} target="_blank" rel="noreferrer">
        {text}
      </a>
    ) : (
      <span key={key}>{text}</span>
    ),
  // The page's h1 is the guide's title, a section's title an h2, its sub-headings below it.
  headingOffset: 1,
};

/**
 * The officers' guide in the interface language (docs/user-guide.zh-CN.md or .en.md), one section at a
 * time (/help/:section, the section the page's help link names), with the guide's contents beside it.
 */
export function HelpPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { section: id = 'start' } = useParams();
  const guide = guideFor(language);
  const found = guide.sections.find((section) => section.id === id);
  const section = found ?? guide.sections[0];
  return (
    <Page title={guide.title}>
      <Flex gap="large" align="start" wrap>
        <nav aria-label={t('help.contents')} className="guide-contents">
          <Card size="small" title={<h2 className="card-title">{t('help.contents')}</h2>}>
            <ol>
              {guide.sections.map((entry) => (
                <li key={entry.id}>
                  <Link to={`${HELP_PATH}/${entry.id}`} aria-current={entry.id === section.id ? 'page' : undefined}>
                    {entry.title}
                  </Link>
                </li>
              ))}
            </ol>
          </Card>
        </nav>
        <article className="guide" aria-labelledby="guide-section-title">
          {!found && <Alert type="warning" showIcon title={t('help.notFound')} />}
          <h2 id="guide-section-title">{section.title}</h2>
          {section.id === guide.sections[0].id && renderBlocks(guide.intro, OPTIONS)}
          {renderBlocks(section.blocks, OPTIONS)}
        </article>
      </Flex>
    </Page>
  );
}
