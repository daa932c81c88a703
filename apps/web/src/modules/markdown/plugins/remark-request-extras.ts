import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { requestExtra } from '../lazy-extras';

/** Asks for the highlighter when the text has fenced code with a language, the HTML parser when it has raw HTML. */
export function remarkRequestExtras() {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (node.type === 'code' && node.lang) requestExtra('highlight');
      else if (node.type === 'html') requestExtra('raw');
    });
  };
}
