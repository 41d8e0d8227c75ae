import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { guideImages, parseGuide, parseInline, renderBlocks, type RenderOptions } from './markdown';

const SAMPLE = `# 指南

前言第一行
第二行，见 [英文版](user-guide.en.md)。

<a id="persons"></a>

## 登记残疾人

**谁办理：** 区县工作人员。

1. 打开“人员登记”。
2. 点击“登记新人员”。

- 第一条
- 第二条 <script>alert(1)</script>

![人员登记列表](guide/images/persons.png)

<a id="shops"></a>

## 网店

### 规则

正文。
`;

const OPTIONS: RenderOptions = {
  imageUrl: (src) => (src === 'guide/images/persons.png' ? '/assets/persons.png' : undefined),
  link: (_href, text, key) => <span key={key}>{text}</span>,
  headingOffset: 1,
};

describe('the guide reader', () => {
  it('reads the title, the introduction and the sections its anchors start', () => {
    const guide = parseGuide(SAMPLE);
    expect(guide.title).toBe('指南');
    expect(guide.intro).toEqual([
      {
        kind: 'paragraph',
        inlines: [
          { kind: 'text', text: '前言第一行 第二行，见 ' },
          { kind: 'link', text: '英文版', href: 'user-guide.en.md' },
          { kind: 'text', text: '。' },
        ],
      },
    ]);
    expect(guide.sections.map((section) => [section.id, section.title])).toEqual([
      ['persons', '登记残疾人'],
      ['shops', '网店'],
    ]);
    expect(guide.sections[0].blocks.map((block) => block.kind)).toEqual(['paragraph', 'list', 'list', 'image']);
    expect(guide.sections[1].blocks[0]).toEqual({
      kind: 'heading',
      level: 3,
      inlines: [{ kind: 'text', text: '规则' }],
    });
    expect(guideImages(guide)).toEqual(['guide/images/persons.png']);
  });

  it('reads bold text and links within a line', () => {
    expect(parseInline('**谁办理：** 区县')).toEqual([
      { kind: 'strong', text: '谁办理：' },
      { kind: 'text', text: ' 区县' },
    ]);
  });

  it('renders headings, ordered and bulleted lists and images with their alt text, and markup only as text', () => {
    const guide = parseGuide(SAMPLE);
    const { container } = render(<div>{renderBlocks(guide.sections[0].blocks, OPTIONS)}</div>);
    expect(screen.getByText('谁办理：').tagName).toBe('STRONG');
    const lists = screen.getAllByRole('list');
    expect(lists.map((list) => list.tagName)).toEqual(['OL', 'UL']);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('img', { name: '人员登记列表' })).toHaveAttribute('src', '/assets/persons.png');
    expect(screen.getByText('第二条 <script>alert(1)</script>')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();

    render(<div>{renderBlocks(guide.sections[1].blocks, OPTIONS)}</div>);
    expect(screen.getByRole('heading', { level: 4, name: '规则' })).toBeInTheDocument();
  });

  it('leaves out an image that is not available rather than showing a broken one', () => {
    const guide = parseGuide('<a id="x"></a>\n\n## X\n\n![缺少的图](guide/images/missing.png)\n');
    const { container } = render(<div>{renderBlocks(guide.sections[0].blocks, OPTIONS)}</div>);
    expect(container.querySelector('img')).toBeNull();
  });
});
