import MarkdownIt, { type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import type { Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmStrikethrough } from './gfm-strikethrough';

// The view's Markdown parser: markdown-it (CommonMark, GFM tables and footnotes) read into the
// Markdown tree (mdast) that react-markdown, remark-rehype and our plugins work on. It replaces
// remark-parse (micromark) because of speed: micromark with GFM took 160–200 ms to read a
// 50,000-character description on the 2-core machine, markdown-it 9 ms (bench/README.md → The
// Markdown bench). What it builds is what micromark builds, rendered: test/markdown/markdown-parser
// compares the HTML trees of both on every CommonMark spec example, the GFM cases and our fixtures,
// and lists the few edge cases where they differ.

const parser = new MarkdownIt({ html: true });
parser.use(footnote).use(gfmStrikethrough);
// GitHub has no inline footnotes (`^[text]`).
parser.inline.ruler.disable('footnote_inline');
// Links are kept as written: rehype-sanitize and the view's URL check decide what may be followed
// (as with micromark). markdown-it would drop `javascript:` links to text and percent-encode URLs,
// which remark-rehype does itself.
parser.validateLink = () => true;
parser.normalizeLink = (url) => url;
parser.normalizeLinkText = (text) => text;

// GFM's literal autolinks (www.…, https://…, e-mail addresses) are found in the tree's text by
// mdast-util-gfm's own pass, as remark-gfm does after micromark; only in the blocks whose text may
// hold one (the pass visits every node it is given: over a whole long text it cost twice the parse).
const findAutolinks = gfmAutolinkLiteralFromMarkdown().transforms![0]!;
const MAY_AUTOLINK = /www\.|:\/\/|@/;

// "[ ]" or "[x]" at the start of a list item's first paragraph, then whitespace: a task-list item.
const TASK = /^\[([ xX])\][ \t\n]/;

/** A label as CommonMark compares them (case and inner whitespace folded). */
const normalizeLabel = (label: string) =>
  label
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
    .toLowerCase()
    .toUpperCase();

function plainText(nodes: readonly Nodes[]): string {
  let text = '';
  for (const node of nodes) {
    if ('value' in node) text += node.value;
    else if (node.type === 'image') text += node.alt ?? '';
    else if ('children' in node) text += plainText(node.children);
  }
  return text;
}

function phrasing(tokens: readonly Token[]): PhrasingContent[] {
  const root: { children: PhrasingContent[] } = { children: [] };
  const stack: { children: PhrasingContent[] }[] = [root];
  const add = (node: PhrasingContent) => {
    const siblings = stack[stack.length - 1]!.children;
    const last = siblings[siblings.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else siblings.push(node);
  };
  const open = (node: PhrasingContent & { children: PhrasingContent[] }) => {
    add(node);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        if (token.content) add({ type: 'text', value: token.content });
        break;
      case 'softbreak':
        add({ type: 'text', value: '\n' });
        break;
      case 'hardbreak':
        add({ type: 'break' });
        break;
      case 'code_inline':
        add({ type: 'inlineCode', value: token.content });
        break;
      case 'html_inline':
        add({ type: 'html', value: token.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({ type: 'link', url: attr(token, 'href') ?? '', title: attr(token, 'title'), children: [] });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        add({
          type: 'image',
          url: attr(token, 'src') ?? '',
          title: attr(token, 'title'),
          alt: plainText(phrasing(token.children ?? [])),
        });
        break;
      case 'footnote_ref': {
        const label = String(token.meta?.label);
        add({ type: 'footnoteReference', identifier: normalizeLabel(label).toLowerCase(), label });
        break;
      }
      default:
        throw new Error(`Markdown: no mdast for the inline token "${token.type}"`);
    }
  }
  return root.children;
}

/** Where each line starts (markdown-it's line numbers; CRLF and CR end lines as LF does). */
function lineStarts(source: string): number[] {
  const starts = [0];
  const ending = /\r\n?|\n/g;
  while (ending.exec(source)) starts.push(ending.lastIndex);
  return starts;
}

// The nodes open while reading; a list item keeps the line and column of its marker meanwhile.
type Open = Parents & { line?: number; column?: number };

const attr = (token: Token, name: string): string | null => {
  const value = token.attrGet(name);
  return value === null ? null : String(value);
};

/** A task-list item: its first paragraph starts with "[ ]" or "[x]", which becomes `checked`. */
function takeTaskMarker(item: Open, children: PhrasingContent[]): void {
  const first = children[0];
  if (item.type !== 'listItem' || item.children.length !== 1 || first?.type !== 'text') return;
  const match = TASK.exec(first.value);
  if (!match) return;
  item.checked = match[1] !== ' ';
  first.value = first.value.slice(match[0].length);
  if (first.value === '') children.shift();
}

/** Markdown source → mdast, as remark-parse with remark-gfm would give it (positions only on list items). */
export function parseMarkdown(source: string): Root {
  const tokens = parser.parse(source, {});
  const starts = lineStarts(source);
  const root: Root = { type: 'root', children: [] };
  const mayAutolink: Parents[] = [];
  const stack: Open[] = [root];
  const top = () => stack[stack.length - 1]!;
  const append = (node: RootContent) => (top().children as RootContent[]).push(node);
  const open = (node: Open) => {
    append(node as RootContent);
    stack.push(node);
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'paragraph_open':
        // markdown-it hides the paragraphs of a tight list (rendered without <p>).
        if (token.hidden) {
          const list = stack.findLast((node) => node.type === 'list');
          if (list?.type === 'list') list.spread = false;
        }
        open({ type: 'paragraph', children: [] });
        break;
      case 'heading_open':
        open({ type: 'heading', depth: Number(token.tag.slice(1)) as 1, children: [] });
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = token.type === 'ordered_list_open';
        open({
          type: 'list',
          ordered,
          start: ordered ? Number(attr(token, 'start') ?? 1) : null,
          spread: true,
          children: [],
        });
        break;
      }
      case 'list_item_open': {
        const line = token.map![0];
        const text = source.slice(starts[line], starts[line + 1] ?? source.length);
        const marker =
          token.markup === '.' || token.markup === ')' ? token.info + token.markup : token.markup;
        // An item can start on its parent item's line ("- - [ ] x"): look after the parent's marker.
        const parent = stack.findLast((node) => node.type === 'listItem');
        const from = parent?.line === line ? parent.column! + 1 : 0;
        const column = Math.max(text.indexOf(marker, from), 0);
        const offset = starts[line]! + column;
        open({
          type: 'listItem',
          spread: false,
          checked: null,
          children: [],
          line,
          column,
          position: {
            start: { line: line + 1, column: column + 1, offset },
            end: { line: line + 1, column: column + 1, offset },
          },
        });
        break;
      }
      case 'table_open':
        open({ type: 'table', align: [], children: [] });
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] });
        break;
      case 'th_open': {
        const table = stack[stack.length - 2];
        const style = attr(token, 'style');
        if (table?.type === 'table') {
          table.align!.push(style ? (style.replace('text-align:', '') as 'left' | 'right' | 'center') : null);
        }
        open({ type: 'tableCell', children: [] });
        break;
      }
      case 'td_open':
        open({ type: 'tableCell', children: [] });
        break;
      case 'footnote_open': {
        const label = String(token.meta?.label);
        open({
          type: 'footnoteDefinition',
          identifier: normalizeLabel(label).toLowerCase(),
          label,
          children: [],
        });
        break;
      }
      case 'inline': {
        const children = phrasing(token.children ?? []);
        if (top().type === 'paragraph') takeTaskMarker(stack[stack.length - 2]!, children);
        (top().children as PhrasingContent[]).push(...children);
        if (MAY_AUTOLINK.test(plainText(children))) mayAutolink.push(top());
        break;
      }
      case 'paragraph_close':
      case 'heading_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'table_close':
      case 'tr_close':
      case 'th_close':
      case 'td_close':
      case 'footnote_close': {
        const node = stack.pop()!;
        if (node.type === 'listItem') {
          delete node.line;
          delete node.column;
        }
        break;
      }
      // The table's sections and the footnote block's wrapping have no node of their own.
      case 'thead_open':
      case 'thead_close':
      case 'tbody_open':
      case 'tbody_close':
      case 'footnote_block_open':
      case 'footnote_block_close':
      case 'footnote_anchor':
        break;
      case 'fence': {
        const info = parser.utils.unescapeAll(token.info).trim();
        const space = info.search(/[\t ]/);
        append({
          type: 'code',
          lang: info ? (space === -1 ? info : info.slice(0, space)) : null,
          meta: info && space !== -1 ? info.slice(space).trim() : null,
          value: token.content.replace(/\n$/, ''),
        });
        break;
      }
      case 'code_block':
        append({ type: 'code', lang: null, meta: null, value: token.content.replace(/\n+$/, '') });
        break;
      case 'hr':
        append({ type: 'thematicBreak' });
        break;
      case 'html_block':
        append({ type: 'html', value: token.content.replace(/\n+$/, '') });
        break;
      default:
        throw new Error(`Markdown: no mdast for the block token "${token.type}"`);
    }
  }
  for (const block of mayAutolink) findAutolinks(block as Root);
  return root;
}

/** A unified plugin: the processor (react-markdown's) reads Markdown with `parseMarkdown`. */
export function remarkMarkdownParser(this: { parser?: unknown }): void {
  this.parser = (document: string) => parseMarkdown(document);
}
