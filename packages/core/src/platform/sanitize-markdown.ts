import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a',
    'b',
    'blockquote',
    'br',
    'code',
    'del',
    'details',
    'em',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'kbd',
    'li',
    'ol',
    'p',
    'pre',
    's',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title'], code: ['class'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  disallowedTagsMode: 'discard',
};

const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const unescape = (s: string) => s.replace(/&(lt|gt|amp|quot);/g, (m) => ENTITY[m] ?? m);
// Markdown links and images whose target runs script: [x](javascript:...), ![x](data:...).
const UNSAFE_LINK = /(\]\(\s*)(?:javascript|vbscript|data|file):[^)]*/gi;

/**
 * Markdown stays markdown (`a < b`, `> quote` survive), but raw HTML is cut to a safe subset and
 * script links are neutralised. Repeats until stable, so entity-encoded markup cannot sneak through.
 */
export function sanitizeMarkdown(input: string): string {
  let current = input.replace(/\r\n/g, '\n');
  for (let i = 0; i < 5; i++) {
    const next = unescape(sanitizeHtml(current, OPTIONS)).replace(UNSAFE_LINK, '$1#');
    if (next === current) return next;
    current = next;
  }
  return sanitizeHtml(current, { allowedTags: [], allowedAttributes: {} });
}
