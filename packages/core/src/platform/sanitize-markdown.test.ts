import { sanitizeMarkdown } from './sanitize-markdown';

describe('sanitizeMarkdown', () => {
  it('keeps ordinary markdown untouched', () => {
    const md = '# Title\n\n> quoted & kept\n\n- a < b\n- `code`\n\n[link](https://example.com)';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('removes script tags with their content and event handlers', () => {
    expect(sanitizeMarkdown('hi <script>alert(1)</script> there')).toBe('hi  there');
    expect(sanitizeMarkdown('<img src="https://x.io/a.png" onerror="alert(1)">')).toBe(
      '<img src="https://x.io/a.png" />',
    );
  });

  it('does not let entity-encoded markup through', () => {
    const out = sanitizeMarkdown('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).not.toMatch(/<script/i);
  });

  it('neutralises javascript: links in markdown and html', () => {
    expect(sanitizeMarkdown('[x](javascript:alert(1))')).not.toMatch(/javascript:/i);
    expect(sanitizeMarkdown('<a href="javascript:alert(1)">x</a>')).not.toMatch(/javascript:/i);
  });
});

describe('sanitizeMarkdown keeps GitHub-flavoured Markdown intact', () => {
  it('keeps task lists, checked and unchecked, nested', () => {
    const md = '- [ ] write it\n- [x] test it\n  - [ ] nested step\n1. [X] numbered';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('keeps tables with alignment rows and pipes', () => {
    const md = '| Left | Centre | Right |\n| :--- | :----: | ----: |\n| a < b | **x** | `c|d` |';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('keeps fenced code exactly as written, markup and entities included', () => {
    const md =
      '```html\n<div onclick="go()">&amp; <script>x()</script></div>\n```\n\n~~~ts\nconst m: Map<string, Array<number>> = new Map();\n~~~';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('keeps inline code and indented code as written', () => {
    const md = 'Use `Array<string>` or `<br>` here.\n\n    <iframe src="x"></iframe>\n';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('still sanitises the prose around code', () => {
    const out = sanitizeMarkdown(
      '`<b>` is <b onclick="x()">bold</b> <script>alert(1)</script>\n\n```\n<script>\n```',
    );
    expect(out).toBe('`<b>` is <b>bold</b> \n\n```\n<script>\n```');
  });

  it('keeps footnotes, strikethrough and autolinks', () => {
    const md = 'Text[^1] ~~gone~~ https://example.com\n\n[^1]: The note.';
    expect(sanitizeMarkdown(md)).toBe(md);
  });

  it('keeps a <details> block around a code block whole, and sanitises inside it', () => {
    const md = '<details><summary>Logs</summary>\n\n```\nerror: <b>boom</b>\n```\n\n</details>\n\nafter';
    expect(sanitizeMarkdown(md)).toBe(md);
    expect(
      sanitizeMarkdown(
        '<details><summary onclick="x()">Logs</summary>\n\n`a<b`\n\n<script>x</script></details>',
      ),
    ).toBe('<details><summary>Logs</summary>\n\n`a<b`\n\n</details>');
  });

  it('keeps autolinks to web and mail addresses, and cuts one with a script scheme', () => {
    const md = 'Mail <ops@example.com> or see <https://x.example/a?b=1&c=2> and <http://y.example>.';
    expect(sanitizeMarkdown(md)).toBe(md);
    expect(sanitizeMarkdown('go <javascript:alert(1)> now')).not.toMatch(/javascript:/i);
  });

  it('drops the noncharacters that hold code out while the prose is sanitised', () => {
    expect(sanitizeMarkdown('a \uFDD00\uFDD1 `<b>` <i>x</i>')).toBe('a 0 `<b>` <i>x</i>');
  });

  it('gives back text with no markup, entity or script link as written, and still neutralises a lone script link', () => {
    const plain =
      '> "Quoted" text with a > sign\n\n- [ ] todo\n- [x] done\n\n[docs](https://example.com/a?b=c)';
    expect(sanitizeMarkdown(plain)).toBe(plain);
    expect(sanitizeMarkdown('[click](javascript:alert) now')).toBe('[click](#) now');
  });
});
