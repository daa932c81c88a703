import type { Nodes, Root } from 'hast';
import type rehypeRaw from 'rehype-raw';

export type RawPlugin = typeof rehypeRaw;

function hasRaw(node: Nodes): boolean {
  if (node.type === 'raw') return true;
  return 'children' in node && node.children.some(hasRaw);
}

/**
 * rehype-raw for the trees that hold raw HTML: it re-parses the whole tree with parse5 (a fifth of
 * a long text's render), and a tree without raw nodes comes out of it the same. MarkdownView also
 * gives it only to the runs of a long text that may hold HTML (markdown-blocks.ts).
 */
export function rawWhereNeeded(plugin: RawPlugin): RawPlugin {
  return (options) => {
    const transform = plugin(options);
    return (tree: Root, file) => (hasRaw(tree) ? transform(tree, file) : tree);
  };
}
