import type { Element, Root } from 'hast';
import type rehypeHighlight from 'rehype-highlight';

/** A fenced code block highlighted: the `code` element with hljs's class and spans, or as it was. */
export type HighlightCode = (code: Element) => Element;

type HighlightFile = Parameters<ReturnType<typeof rehypeHighlight>>[1];
// rehype-highlight reports an unknown language on its file; the code then stays plain, as before.
const quietFile = { message: () => undefined } as unknown as HighlightFile;

/**
 * The page's one code highlighter, made from rehype-highlight once it has loaded: one lowlight, so
 * each language's grammar is built and compiled once per page, not once per render (as a rehype
 * plugin in every view's processor did: ~40% of a long text's render). It runs rehype-highlight on
 * a copy of one code element, on the sanitised tree, exactly as the plugin did inside the pipeline.
 */
export function codeHighlighter(plugin: typeof rehypeHighlight): HighlightCode {
  const transform = plugin({ detect: false });
  return (code) => {
    const classes = Array.isArray(code.properties.className) ? code.properties.className : [];
    const copy: Element = { ...code, properties: { ...code.properties, className: [...classes] } };
    const tree: Root = {
      type: 'root',
      children: [{ type: 'element', tagName: 'pre', properties: {}, children: [copy] }],
    };
    transform(tree, quietFile);
    return copy;
  };
}
