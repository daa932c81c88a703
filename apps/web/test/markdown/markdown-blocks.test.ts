import { markdownBlocks, mayHoldHtml } from '@/modules/markdown/markdown-blocks';
import { bigDescription } from './fixtures';

const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i} ${'x'.repeat(300)}`).join('\n\n');

describe('markdownBlocks', () => {
  it('keeps a short text whole', () => {
    expect(markdownBlocks('# Title\n\nText')).toEqual([{ text: '# Title\n\nText', offset: 0 }]);
  });

  it('cuts a long text at blank lines into runs that put it back together, with their offsets', () => {
    const source = bigDescription(50_000);
    const blocks = markdownBlocks(source);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.map((b) => b.text).join('')).toBe(source);
    for (const b of blocks) expect(source.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
    // The first run (the page's first, slowest parse) is the short one.
    expect(blocks[0]!.text.length).toBeLessThan(2_000);
    expect(blocks[1]!.text.length).toBeGreaterThanOrEqual(3_000);
  });

  it('never cuts inside fenced code, a list, a quote or an open <details>', () => {
    const fence = `${paragraphs(15)}\n\n\`\`\`\n${'line\n\n'.repeat(2000)}\`\`\`\n\nafter`;
    expect(markdownBlocks(fence).some((b) => b.text.startsWith('line'))).toBe(false);
    const list = `${paragraphs(15)}\n\n- item\n\n  more of the item ${'y'.repeat(9000)}\n\n- next item\n`;
    for (const b of markdownBlocks(list)) expect(b.text).not.toMatch(/^( {2}more|- next)/);
    const details = `<details>\n\n${paragraphs(30)}\n\n</details>\n\n${paragraphs(30)}`;
    expect(markdownBlocks(details)[0]!.text).toContain('</details>');
  });

  it('keeps a text with reference definitions whole (they are read from the whole text)', () => {
    const source = `${paragraphs(40)}\n\nSee [the spec][spec].\n\n[spec]: https://spec.example`;
    expect(markdownBlocks(source)).toHaveLength(1);
  });

  it('says a run may hold HTML wherever Markdown could read raw HTML, and not for autolinks or comparisons', () => {
    for (const html of [
      '<b>bold</b>',
      'a </em> closing tag',
      '<br/>',
      '<div\nclass="x">',
      '<details>',
      '<!-- a comment -->',
      '<?php echo 1 ?>',
      '<!DOCTYPE html>',
      '<![CDATA[ x ]]>',
      'text\n<custom-element>',
    ])
      expect([html, mayHoldHtml(html)]).toEqual([html, true]);
    for (const text of [
      '<https://angle.example>',
      '<mailto:a@b.example>',
      'a < b and 1<2',
      '2 << 3',
      '&lt;b&gt;',
    ])
      expect([text, mayHoldHtml(text)]).toEqual([text, false]);
  });
});
