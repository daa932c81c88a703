import type { Nodes, Root } from 'mdast';
import { requestExtra } from '../lazy-extras';
import type { TaskLink } from '../task-key';
import { mentionAt } from './remark-mentions';
import { taskKeyLinks } from './remark-task-keys';

// Text inside these is shown as written (or already leads somewhere): no task-key links there.
const NO_KEYS = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html']);

function walk(node: Nodes, links: ReadonlyMap<string, TaskLink>, keys: boolean): void {
  if (!('children' in node)) return;
  const children: Nodes[] = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'html') requestExtra('raw');
    else if (child.type === 'text') {
      const parts = keys && links.size > 0 ? taskKeyLinks(child, links) : undefined;
      if (parts) {
        children.splice(i, 1, ...parts);
        i += parts.length - 1;
      }
    } else if (child.type === 'link' && mentionAt(node, i, child)) continue;
    else walk(child, links, keys && !NO_KEYS.has(child.type));
  }
}

/**
 * The view's own steps on the Markdown tree, in one walk: mentions (remark-mentions.ts), task keys
 * as links (remark-task-keys.ts), and asking for the HTML parser when the text has raw HTML
 * (lazy-extras.ts; the highlighter is asked for by the code block that needs it).
 */
export function remarkMarkdownView({ links }: { links: ReadonlyMap<string, TaskLink> }) {
  return (tree: Root): void => walk(tree, links, true);
}
