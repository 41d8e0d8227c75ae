import { Fragment, type ReactNode } from 'react';

/**
 * A small, safe Markdown reader for the officers' guide (docs/user-guide.*.md): headings, paragraphs,
 * bulleted and numbered lists (one line per item), images on a line of their own, bold and links, and
 * section anchors written as `<a id="name"></a>` on a line of their own. Everything else is text: no
 * HTML is ever passed through, so a guide cannot inject markup.
 */

export type Inline = { kind: 'text' | 'strong'; text: string } | { kind: 'link'; text: string; href: string };

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; ordered: boolean; items: Inline[][] }
  | { kind: 'image'; alt: string; src: string };

export type Section = { id: string; title: string; blocks: Block[] };

export type Guide = { title: string; intro: Block[]; sections: Section[] };

const ANCHOR = /^<a id="([a-z0-9-]+)"><\/a>$/;
const HEADING = /^(#{1,3})\s+(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\(([^)\s]+)\)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d+\.\s+(.*)$/;

/** Bold (`**x**`) and links (`[x](y)`) within a line; the rest is text. */
export function parseInline(text: string): Inline[] {
  const inlines: Inline[] = [];
  const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) inlines.push({ kind: 'text', text: text.slice(last, match.index) });
    if (match[1] !== undefined) inlines.push({ kind: 'strong', text: match[1] });
    else inlines.push({ kind: 'link', text: match[2], href: match[3] });
    last = match.index + match[0].length;
  }
  if (last < text.length) inlines.push({ kind: 'text', text: text.slice(last) });
  return inlines;
}

/** The guide's blocks, split into the sections its anchors start. */
export function parseGuide(markdown: string): Guide {
  const intro: Block[] = [];
  const sections: Section[] = [];
  let title = '';
  let blocks = intro;
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: Inline[][] } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
    if (list) blocks.push({ kind: 'list', ...list });
    list = undefined;
  };

  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.trim();
    const anchor = ANCHOR.exec(line);
    const heading = HEADING.exec(line);
    const image = IMAGE.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (line === '') {
      flush();
    } else if (anchor) {
      flush();
      const section: Section = { id: anchor[1], title: '', blocks: [] };
      sections.push(section);
      blocks = section.blocks;
    } else if (heading) {
      flush();
      const level = heading[1].length as 1 | 2 | 3;
      if (level === 1 && !title) {
        title = heading[2];
        continue;
      }
      const current = sections.at(-1);
      if (current && blocks === current.blocks && !current.title) {
        current.title = heading[2];
        continue;
      }
      blocks.push({ kind: 'heading', level, inlines: parseInline(heading[2]) });
    } else if (image) {
      flush();
      blocks.push({ kind: 'image', alt: image[1], src: image[2] });
    } else if (item) {
      const ordered = NUMBERED.test(line);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(parseInline(item[1]));
    } else if (list) {
      // A continuation of the last list item.
      list.items[list.items.length - 1].push({ kind: 'text', text: ` ${line}` });
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return { title, intro, sections };
}

/** The images a guide shows, as written (`guide/images/x.png`). */
export function guideImages(guide: Guide): string[] {
  return [guide.intro, ...guide.sections.map((section) => section.blocks)]
    .flat()
    .flatMap((block) => (block.kind === 'image' ? [block.src] : []));
}

export type RenderOptions = {
  /** The URL of an image the guide names, or undefined when it is not available. */
  imageUrl: (src: string) => string | undefined;
  /** A link within the application for a guide link (e.g. to the other language's guide), or undefined. */
  link: (href: string, text: string, key: number) => ReactNode;
  /** Headings are shifted so that a section's title can sit below the page's h1. */
  headingOffset: number;
};

function renderInlines(inlines: Inline[], options: RenderOptions): ReactNode {
  return inlines.map((inline, index) => {
    if (inline.kind === 'strong') return <strong key={index}>{inline.text}</strong>;
    if (inline.kind === 'link') return options.link(inline.href, inline.text, index);
    return <Fragment key={index}>{inline.text}</Fragment>;
  });
}

/** React elements for the blocks (text is always rendered as text). */
export function renderBlocks(blocks: Block[], options: RenderOptions): ReactNode {
  return blocks.map((block, index) => {
    switch (block.kind) {
      case 'heading': {
        const level = Math.min(6, block.level + options.headingOffset);
        const Tag = `h${level}` as 'h2';
        return <Tag key={index}>{renderInlines(block.inlines, options)}</Tag>;
      }
      case 'paragraph':
        return <p key={index}>{renderInlines(block.inlines, options)}</p>;
      case 'list': {
        const Tag = block.ordered ? 'ol' : 'ul';
        return (
          <Tag key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>{renderInlines(item, options)}</li>
            ))}
          </Tag>
        );
      }
      case 'image': {
        const url = options.imageUrl(block.src);
        return url ? (
          <figure key={index} className="guide-figure">
            <img src={url} alt={block.alt} loading="lazy" />
          </figure>
        ) : null;
      }
    }
    return null;
  });
}
