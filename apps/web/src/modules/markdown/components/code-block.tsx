'use client';

import type { Element, ElementContent } from 'hast';
import { createContext, useContext, useMemo, type ComponentProps, type ReactNode } from 'react';
import type { ExtraProps } from 'react-markdown';
import { requestExtra, useLazyExtras } from '../lazy-extras';

// Code is highlighted here, per code block, rather than by a rehype plugin in the pipeline: the
// highlighter's arrival then re-renders the code blocks only (not every block of the text through
// the parser again), and a block's render highlights only its own code, once (memoised on the
// block's tree, which changes only when the block is parsed again).

const InPre = createContext(false);

/** `pre`: tells its `code` it is a code block (as rehype-highlight, which highlights only those). */
export function Pre({ node: _node, ...props }: ComponentProps<'pre'> & ExtraProps) {
  return (
    <InPre.Provider value>
      <pre {...props} />
    </InPre.Provider>
  );
}

const hasLanguage = (code: Element) =>
  Array.isArray(code.properties.className) &&
  code.properties.className.some((c) => String(c).startsWith('language-'));

// lowlight's output: spans with hljs classes, and text.
function highlightedContent(nodes: ElementContent[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const className = Array.isArray(node.properties.className)
      ? node.properties.className.join(' ')
      : undefined;
    return (
      <span key={i} className={className}>
        {highlightedContent(node.children)}
      </span>
    );
  });
}

/** `code`: in a code block that names its language, highlighted once the highlighter has loaded. */
export function Code({ node, children, ...props }: ComponentProps<'code'> & ExtraProps) {
  const inPre = useContext(InPre);
  const { highlight } = useLazyExtras();
  const wanted = inPre && node !== undefined && hasLanguage(node);
  if (wanted && !highlight) requestExtra('highlight');
  const highlighted = useMemo(
    () => (wanted && highlight && node ? highlight(node) : undefined),
    [wanted, highlight, node],
  );
  if (!highlighted || !node) return <code {...props}>{children}</code>;
  const className = Array.isArray(highlighted.properties.className)
    ? highlighted.properties.className.join(' ')
    : props.className;
  return (
    <code {...props} className={className}>
      {highlighted.children === node.children ? children : highlightedContent(highlighted.children)}
    </code>
  );
}
