import type { Nodes } from 'mdast';
import { parseMarkdown } from './markdown-parser';

// A preview reads the start of a text only: a few lines' worth, parsed whole blocks or not.
const READ_CHARS = 2_000;

function collect(node: Nodes, words: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      words.push(node.value);
      return;
    case 'code':
      words.push(` ${node.value} `);
      return;
    case 'image':
      words.push(node.alt ?? '');
      return;
    // Raw HTML's tags, footnote definitions and link definitions are not words of the text.
    case 'html':
    case 'footnoteDefinition':
    case 'definition':
      return;
    case 'break':
      words.push(' ');
      return;
    default:
      if (!('children' in node)) return;
      for (const child of node.children) collect(child, words);
      // Blocks (paragraphs, headings, items, cells) end with a space, so their words do not run together.
      if (node.type !== 'root' && !PHRASING.has(node.type)) words.push(' ');
  }
}

const PHRASING = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/**
 * A Markdown text as a one-line preview for a list: its words without the syntax (`**`, backticks,
 * link targets, list markers), whitespace folded, cut at `maxChars` with an ellipsis.
 */
export function markdownExcerpt(source: string, maxChars = 280): string {
  const words: string[] = [];
  collect(parseMarkdown(source.slice(0, READ_CHARS)), words);
  const text = words.join('').replace(/\s+/g, ' ').trim();
  return text.length > maxChars ? `${text.slice(0, maxChars - 1).trimEnd()}…` : text;
}
