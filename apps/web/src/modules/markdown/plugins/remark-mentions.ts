import type { Nodes, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function plainText(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(plainText).join('') : '';
}

/**
 * Mentions `@[Name](userId)` (the token the composer inserts and the api notifies on, see
 * `mentionedUserIds` in contracts) as "@Name" in a span.mention. Markdown parses the token as an
 * "@" followed by a link to the user id; this turns that pair into the mention.
 */
export function remarkMentions() {
  return (tree: Root): void => {
    visit(tree, 'link', (node, index, parent) => {
      if (!parent || index === undefined || index === 0 || !USER_ID.test(node.url)) return;
      const before = parent.children[index - 1];
      if (before?.type !== 'text' || !before.value.endsWith('@')) return;
      const name = plainText(node).trim();
      if (!name || name.length > 100) return;
      before.value = before.value.slice(0, -1);
      const mention: Text = {
        type: 'text',
        value: `@${name}`,
        data: { hName: 'span', hProperties: { className: ['mention'], dataUserId: node.url.toLowerCase() } },
      };
      parent.children[index] = mention;
    });
  };
}
