import type { Link, Nodes, Parent, Text } from 'mdast';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

/**
 * Mentions `@[Name](userId)` (the token the composer inserts and the api notifies on, see
 * `mentionedUserIds` in contracts) as "@Name" in a span.mention. Markdown parses the token as an
 * "@" followed by a link to the user id; this turns the link at `index` of `parent`, with the "@"
 * before it, into the mention. Returns whether it did.
 */
export function mentionAt(parent: Parent, index: number, link: Link): boolean {
  if (index === 0 || !USER_ID.test(link.url)) return false;
  const before = parent.children[index - 1];
  if (before?.type !== 'text' || !before.value.endsWith('@')) return false;
  const name = plainText(link).trim();
  if (!name || name.length > 100) return false;
  before.value = before.value.slice(0, -1);
  const mention: Text = {
    type: 'text',
    value: `@${name}`,
    data: { hName: 'span', hProperties: { className: ['mention'], dataUserId: link.url.toLowerCase() } },
  };
  parent.children[index] = mention;
  return true;
}
