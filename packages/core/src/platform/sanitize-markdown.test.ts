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
