import type { Link, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { TASK_KEY, type TaskLink } from '../task-key';

function split(node: Text, links: ReadonlyMap<string, TaskLink>): PhrasingContent[] | undefined {
  const parts: PhrasingContent[] = [];
  let at = 0;
  for (const match of node.value.matchAll(TASK_KEY)) {
    const link = links.get(match[0]);
    if (!link) continue;
    if (match.index > at) parts.push({ type: 'text', value: node.value.slice(at, match.index) });
    const anchor: Link = {
      type: 'link',
      url: link.href,
      title: link.title,
      children: [{ type: 'text', value: match[0] }],
      data: { hProperties: { className: ['task-key'], dataTaskKey: match[0] } },
    };
    parts.push(anchor);
    at = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
  return parts;
}

// Links already lead somewhere; code is shown as written.
const SKIP = new Set(['link', 'linkReference', 'code', 'inlineCode', 'html']);

function linkKeys(node: Nodes, links: ReadonlyMap<string, TaskLink>): void {
  if (!('children' in node) || SKIP.has(node.type)) return;
  const children: Nodes[] = node.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'text') {
      linkKeys(child, links);
      continue;
    }
    const parts = split(child, links);
    if (!parts) continue;
    children.splice(i, 1, ...parts);
    i += parts.length - 1;
  }
}

/**
 * Task keys in prose (`PLAT-12`) as links to the task, for the keys in `links` (the ones the
 * reader may see, resolved by useTaskKeyLinks); any other key stays plain text. Text inside links
 * and code is left alone.
 */
export function remarkTaskKeys({ links }: { links: ReadonlyMap<string, TaskLink> }) {
  return (tree: Root): void => {
    if (links.size > 0) linkKeys(tree, links);
  };
}
