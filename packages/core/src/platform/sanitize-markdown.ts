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

// A link written `<https://…>` or `<name@example.com>` (CommonMark's autolinks) to a web or mail
// address: Markdown, not a tag, and kept as written like code (sanitize-html took it for an unknown
// tag and deleted it). Other schemes stay prose and are cut as tags, as before.
const KEPT_AUTOLINK = /^(?:https?|mailto):/i;
// Without any of these there is no code and no autolink: the parse (most of the cost) is skipped.
const MAY_HOLD_KEPT = /[`~]|(^|\n)( {4}|\t)|<[A-Za-z][A-Za-z0-9+.-]{1,31}:|<[^\s<>@]+@/;

/**
 * What is kept exactly as written, as GFM parses the text: its code (fenced and indented blocks,
 * inline spans; a Markdown renderer shows code as text, never as HTML: `Array<string>`, an HTML
 * snippet in a ```html fence, `&amp;` meant literally) and its autolinks to web and mail addresses.
 */
function keptRanges(markdown: string): [number, number][] {
  if (!MAY_HOLD_KEPT.test(markdown)) return [];
  const tree: Root = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const ranges: [number, number][] = [];
  visit(tree, ['code', 'inlineCode', 'link'], (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const autolink =
      node.type === 'link' &&
      markdown[start] === '<' &&
      markdown[end - 1] === '>' &&
      KEPT_AUTOLINK.test(node.url);
    if (node.type !== 'link' || autolink) ranges.push([start, end]);
  });
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** The prose between code: raw HTML cut to the allowlist, script links neutralised. */
function sanitizeProse(text: string): string {
  return unescape(sanitizeHtml(text, OPTIONS)).replace(UNSAFE_LINK, '$1#');
}

// What stands in for a kept range while the prose around it is sanitised in one piece: Unicode
// noncharacters (dropped from the input first), which sanitize-html passes through as text.
const HOLE_OPEN = '\uFDD0';
const HOLE_CLOSE = '\uFDD1';
const HOLE = /\uFDD0(\d+)\uFDD1/g;
const NONCHARACTERS = /[\uFDD0\uFDD1]/g;

/**
 * One round: the prose sanitised as ONE document, with each kept range held out by a placeholder.
 * Sanitising the pieces between code one by one made each piece a document of its own: a
 * `<details>` around a code block was closed before the code and lost its `</details>`, and a
 * 50,000-character text with 60 code blocks took seconds of the api's one thread.
 */
function sanitizeOnce(markdown: string): string {
  const kept: string[] = [];
  let prose = '';
  let at = 0;
  for (const [start, end] of keptRanges(markdown)) {
    if (start < at) continue;
    prose += markdown.slice(at, start) + HOLE_OPEN + kept.length + HOLE_CLOSE;
    kept.push(markdown.slice(start, end));
    at = end;
  }
  prose += markdown.slice(at);
  // A placeholder inside an element dropped with its content (<script>) goes with it.
  return sanitizeProse(prose).replace(HOLE, (_, i: string) => kept[Number(i)] ?? '');
}

/**
 * Markdown stays markdown (`a < b`, `> quote`, `- [ ] todo`, tables, code survive), but raw HTML in
 * the prose is cut to a safe subset and script links are neutralised. Repeats until stable, so
 * entity-encoded markup cannot sneak through and cutting a tag cannot turn prose into new markup
 * (each round parses the text again to find its code).
 */
export function sanitizeMarkdown(input: string): string {
  let current = input.replace(/\r\n/g, '\n').replace(NONCHARACTERS, '');
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
