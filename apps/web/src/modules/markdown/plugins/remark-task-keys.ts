import type { Link, PhrasingContent, Text } from 'mdast';
import { TASK_KEY, type TaskLink } from '../task-key';

/**
 * Task keys in prose (`PLAT-12`) as links to the task, for the keys in `links` (the ones the
 * reader may see, resolved by useTaskKeyLinks); any other key stays plain text. Returns what
 * replaces the text node, or undefined when it names no such key.
 */
export function taskKeyLinks(
  node: Text,
  links: ReadonlyMap<string, TaskLink>,
): PhrasingContent[] | undefined {
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
