import { markdownExcerpt } from '@/modules/markdown/markdown-excerpt';

describe('a Markdown text as a one-line preview', () => {
  it('keeps the words and drops the syntax: emphasis, code ticks, link targets, list markers, headings', () => {
    expect(
      markdownExcerpt(
        '## Queue\n\nWe use **BullMQ** on `Redis`, see [the ADR](https://example.com/adr).\n\n- one\n- [x] two\n\n> quoted',
      ),
    ).toBe('Queue We use BullMQ on Redis, see the ADR. one two quoted');
  });

  it('leaves raw HTML tags, footnote and link definitions out, and keeps an image by its alt text', () => {
    expect(
      markdownExcerpt(
        'Press <kbd>Ctrl</kbd> now[^1] ![the chart](x.png) [ref]\n\n[^1]: a note\n\n[ref]: https://x',
      ),
    ).toBe('Press Ctrl now the chart ref');
  });

  it('cuts a long text at the limit with an ellipsis', () => {
    const excerpt = markdownExcerpt(`${'word '.repeat(100)}`, 20);
    expect(excerpt).toBe('word word word word…');
    expect(excerpt.length).toBeLessThanOrEqual(20);
  });

  it('is empty for an empty text', () => {
    expect(markdownExcerpt('')).toBe('');
  });
});
