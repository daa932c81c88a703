import {
  MARKDOWN_DROPPED_WITH_CONTENT,
  MARKDOWN_HTML_ATTRIBUTES,
  MARKDOWN_HTML_TAGS,
  MARKDOWN_URL_SCHEMES,
} from '@teamflow/contracts/markdown';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import sanitizeHtml from 'sanitize-html';
import { visit } from 'unist-util-visit';

// The allowlist is shared with the web's renderer (contracts/markdown.ts), so what survives here
// is what the web shows as HTML.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...MARKDOWN_HTML_TAGS],
  allowedAttributes: Object.fromEntries(
    Object.entries(MARKDOWN_HTML_ATTRIBUTES).map(([tag, attributes]) => [tag, [...attributes]]),
  ),
  allowedSchemes: [...MARKDOWN_URL_SCHEMES],
  disallowedTagsMode: 'discard',
  nonTextTags: [...MARKDOWN_DROPPED_WITH_CONTENT],
};

const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };
const unescape = (s: string) => s.replace(/&(lt|gt|amp|quot);/g, (m) => ENTITY[m] ?? m);
// Markdown links and images whose target runs script: [x](javascript:...), ![x](data:...).
const UNSAFE_LINK = /(\]\(\s*)(?:javascript|vbscript|data|file):[^)]*/gi;

/**
 * Where the text's code is (fenced and indented blocks, inline code spans), as GFM parses it: a
 * Markdown renderer shows code as text, never as HTML, so it is kept as written (`Array<string>`,
 * an HTML snippet in a ```html fence, `&amp;` meant literally).
 */
function codeRanges(markdown: string): [number, number][] {
  // No backtick or tilde (spans, fences) and no line indented by a tab or four spaces: there can be
  // no code, and the parse (most of this function's cost) is skipped.
  if (!/[`~]|(^|\n)( {4}|\t)/.test(markdown)) return [];
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const ranges: [number, number][] = [];
  visit(tree, ['code', 'inlineCode'], (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined) ranges.push([start, end]);
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The prose between code: raw HTML cut to the allowlist, script links neutralised. */
function sanitizeProse(text: string): string {
  return unescape(sanitizeHtml(text, OPTIONS)).replace(UNSAFE_LINK, '$1#');
}

function sanitizeOnce(markdown: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of codeRanges(markdown)) {
    if (start < at) continue;
    out += sanitizeProse(markdown.slice(at, start)) + markdown.slice(start, end);
    at = end;
  }
  return out + sanitizeProse(markdown.slice(at));
}

/**
 * Markdown stays markdown (`a < b`, `> quote`, `- [ ] todo`, tables, code survive), but raw HTML in
 * the prose is cut to a safe subset and script links are neutralised. Repeats until stable, so
 * entity-encoded markup cannot sneak through and cutting a tag cannot turn prose into new markup
 * (each round parses the text again to find its code).
 */
export function sanitizeMarkdown(input: string): string {
  let current = input.replace(/\r\n/g, '\n');
  // Without `<` or `&` there is no markup or entity to cut (the HTML pass would give the text
  // back as it is) and no script link, nothing changes: the common case skips two Markdown parses
  // (an import of 10,000 descriptions spent 7 s here).
  if (!/[<&]/.test(current) && current.search(UNSAFE_LINK) === -1) return current;
  for (let i = 0; i < 5; i++) {
    const next = sanitizeOnce(current);
    if (next === current) return next;
    current = next;
  }
  return sanitizeHtml(current, { allowedTags: [], allowedAttributes: {} });
}
