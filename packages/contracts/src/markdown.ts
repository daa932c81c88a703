/**
 * The raw HTML a Markdown text (task description, comment, project description) may carry, read by
 * both ends so they cannot drift: the api's `sanitizeMarkdown` (sanitize-html, on write) keeps
 * exactly these tags, attributes and URL schemes, and the web's renderer (rehype-sanitize) builds
 * its schema from the same lists, adding only the elements Markdown syntax itself produces
 * (task-list checkboxes, footnotes, mentions).
 */
export const MARKDOWN_HTML_TAGS = [
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
] as const;

/** Attributes kept on raw HTML tags (HTML names); every other attribute is dropped. */
export const MARKDOWN_HTML_ATTRIBUTES = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  code: ['class'],
} as const satisfies Partial<Record<(typeof MARKDOWN_HTML_TAGS)[number], readonly string[]>>;

/** The only URL schemes a link or image may use; relative URLs and `#fragments` are fine too. */
export const MARKDOWN_URL_SCHEMES = ['http', 'https', 'mailto'] as const;

/** Tags whose content goes with them (the rest are unwrapped: their text stays, the tag goes). */
export const MARKDOWN_DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'noscript'] as const;
