import type { Element, ElementContent, Nodes, Root } from 'hast';
import { attachmentUrl } from '../markdown-url';

// These run after rehype-sanitize, on a tree that is already safe. One walk does all three: the
// tree of a long text has tens of thousands of nodes, and a unist-util-visit pass per concern (a
// closure and an array of ancestors per node) cost more than the work itself.

export interface RehypeMarkdownViewOptions {
  /** The view's id prefix (rehype-sanitize gives every id one), which footnote links follow. */
  idPrefix: string;
  /** The api's origin, the only place images are shown from. */
  apiUrl: string;
  /** Where this part of a long text starts in the whole text (checklist offsets). */
  offset: number;
}

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
 * A task-list checkbox learns where its item starts in the source (so MarkdownView can toggle that
 * item) and the item's text (its accessible name).
 */
function checklistSource(li: Element, base: number): void {
  if (!classes(li).includes('task-list-item')) return;
  const first = li.children.find((c): c is Element => c.type === 'element');
  const box = first?.tagName === 'p' ? first.children.find((c) => c.type === 'element') : first;
  if (box?.type !== 'element' || box.tagName !== 'input') return;
  box.properties.dataLabel = textOf(li).trim() || 'Checklist item';
  const offset = li.position?.start.offset;
  if (offset !== undefined) box.properties.dataSourceOffset = base + offset;
}

/**
 * Images only from our own attachment URLs (made absolute on the api's origin); any other image is
 * replaced by its alt text, so nothing is fetched from elsewhere (tracking pixels, spoofed UI).
 * Returns what replaces the image, or undefined when it stays.
 */
function attachmentImage(img: Element, apiUrl: string): ElementContent[] | undefined {
  const src = attachmentUrl(String(img.properties.src ?? ''), apiUrl);
  if (src) {
    img.properties.src = src;
    return undefined;
  }
  const alt = String(img.properties.alt ?? '');
  return alt ? [{ type: 'text', value: alt }] : [];
}

/**
 * Footnote links follow their targets' ids: rehype-sanitize gives every id the view's prefix (so
 * two texts on a page, or a text and the page, never share one), and these `#fn-1` hrefs too.
 */
function footnoteLink(a: Element, idPrefix: string): void {
  const href = a.properties.href;
  const footnote = 'dataFootnoteRef' in a.properties || 'dataFootnoteBackref' in a.properties;
  if (footnote && typeof href === 'string' && href.startsWith('#')) {
    a.properties.href = `#${idPrefix}${href.slice(1)}`;
  }
}

function walk(parent: Root | Element, options: RehypeMarkdownViewOptions): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'element') continue;
    if (node.tagName === 'img') {
      const replacement = attachmentImage(node, options.apiUrl);
      if (replacement) {
        children.splice(i, 1, ...replacement);
        i += replacement.length - 1;
        continue;
      }
    } else if (node.tagName === 'a') footnoteLink(node, options.idPrefix);
    walk(node, options);
    // After its content: an item's name includes the alt text of an image replaced in it.
    if (node.tagName === 'li') checklistSource(node, options.offset);
  }
}

/** The view's own steps on the sanitised tree: footnote links, attachment images, checklist boxes. */
export function rehypeMarkdownView(options: RehypeMarkdownViewOptions) {
  return (tree: Root): void => walk(tree, options);
}
