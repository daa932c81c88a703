import {
  MARKDOWN_DROPPED_WITH_CONTENT,
  MARKDOWN_HTML_ATTRIBUTES,
  MARKDOWN_HTML_TAGS,
  MARKDOWN_URL_SCHEMES,
} from '@teamflow/contracts/markdown';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

type Attributes = NonNullable<SanitizeSchema['attributes']>;

// Ids are allowed only on the footnote parts Markdown makes, and each gets the view's prefix
// (clobbering: an `id` or `name` naming a global could shadow `window.<name>`).
const FOOTNOTE_ID = 'id';

/** The raw-HTML attributes the api keeps (contracts/markdown.ts), in hast's property names. */
function attributesKeptByTheApi(): Attributes {
  return Object.fromEntries(
    Object.entries(MARKDOWN_HTML_ATTRIBUTES).map(([tag, names]) => [
      tag,
      // The api keeps any class on <code>; here only the language class a fence makes.
      names.map((name) => (name === 'class' ? ['className', /^language-[\w+#-]+$/] : name)),
    ]),
  );
}

/**
 * The rehype-sanitize schema of every rendered Markdown text. It is built from the same lists as
 * the api's sanitize-html on write (`@teamflow/contracts/markdown`: tags, attributes, URL schemes,
 * tags dropped with their content), so a tag the api would cut is cut here too, whichever way it
 * reached the text. The only additions are elements Markdown syntax itself produces, which raw HTML
 * cannot reach on the api: task-list checkboxes (disabled; MarkdownView makes them toggles),
 * footnotes (section, ids), table alignment, a mention (span.mention) and a task-key link.
 */
export function markdownSchema(idPrefix: string): SanitizeSchema {
  const fromApi = attributesKeptByTheApi();
  return {
    tagNames: [...MARKDOWN_HTML_TAGS, 'input', 'section', 'span'],
    attributes: {
      ...fromApi,
      a: [
        ...(fromApi.a ?? []),
        ['className', 'data-footnote-backref', 'task-key'],
        'dataFootnoteRef',
        'dataFootnoteBackref',
        'dataTaskKey',
        'ariaDescribedBy',
        'ariaLabel',
        FOOTNOTE_ID,
      ],
      input: [['type', 'checkbox'], ['disabled', true], 'checked'],
      li: [['className', 'task-list-item'], FOOTNOTE_ID],
      ol: [['className', 'contains-task-list'], 'start'],
      ul: [['className', 'contains-task-list']],
      section: ['dataFootnotes', ['className', 'footnotes']],
      h2: [['className', 'sr-only'], FOOTNOTE_ID],
      td: [['align', 'left', 'center', 'right']],
      th: [['align', 'left', 'center', 'right']],
      span: [['className', 'mention'], 'dataUserId'],
    },
    required: { input: { type: 'checkbox', disabled: true } },
    protocols: {
      href: [...MARKDOWN_URL_SCHEMES],
      src: ['http', 'https'],
    },
    strip: [...MARKDOWN_DROPPED_WITH_CONTENT],
    clobber: ['id', 'ariaDescribedBy'],
    clobberPrefix: idPrefix,
    ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
  };
}
