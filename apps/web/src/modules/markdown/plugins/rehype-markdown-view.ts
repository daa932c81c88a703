import type { Element, ElementContent, Nodes, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { attachmentUrl } from '../markdown-url';

// These run after rehype-sanitize, on a tree that is already safe.

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  return node.children
    .filter((c) => c.type !== 'element' || (c.tagName !== 'ul' && c.tagName !== 'ol'))
    .map(textOf)
    .join('');
}

const classes = (node: Element): unknown[] =>
  Array.isArray(node.properties.className) ? node.properties.className : [];

/**
 * Each task-list checkbox learns where its item starts in the source (so MarkdownView can toggle
 * that item; `offset` is where this part of a long text starts) and the item's text (its
 * accessible name).
 */
export function rehypeChecklistSources({ offset: base }: { offset: number }) {
  return (tree: Root): void => {
    visit(tree, 'element', (li) => {
      if (li.tagName !== 'li' || !classes(li).includes('task-list-item')) return;
      const first = li.children.find((c): c is Element => c.type === 'element');
      const box = first?.tagName === 'p' ? first.children.find((c) => c.type === 'element') : first;
      if (box?.type !== 'element' || box.tagName !== 'input') return;
      box.properties.dataLabel = textOf(li).trim() || 'Checklist item';
      const offset = li.position?.start.offset;
      if (offset !== undefined) box.properties.dataSourceOffset = base + offset;
    });
  };
}

/**
 * Images only from our own attachment URLs (made absolute on the api's origin); any other image is
 * replaced by its alt text, so nothing is fetched from elsewhere (tracking pixels, spoofed UI).
 */
export function rehypeAttachmentImages({ apiUrl }: { apiUrl: string }) {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const src = attachmentUrl(String(node.properties.src ?? ''), apiUrl);
      if (src) {
        node.properties.src = src;
        return;
      }
      const alt = String(node.properties.alt ?? '');
      const replacement: ElementContent[] = alt ? [{ type: 'text', value: alt }] : [];
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  };
}

/**
 * Footnote links follow their targets' ids: rehype-sanitize gives every id the view's prefix (so
 * two texts on a page, or a text and the page, never share one), and these `#fn-1` hrefs too.
 */
export function rehypeFootnoteLinks({ idPrefix }: { idPrefix: string }) {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      const href = node.properties.href;
      const footnote = 'dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties;
      if (node.tagName === 'a' && footnote && typeof href === 'string' && href.startsWith('#')) {
        node.properties.href = `#${idPrefix}${href.slice(1)}`;
      }
    });
  };
}
