'use client';

import { memo, useMemo } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import { publicApiUrl } from '@/lib/public-env';
import { remarkMarkdownParser } from '../markdown-parser';
import { markdownSchema } from '../markdown-schema';
import { safeUrl } from '../markdown-url';
import { rehypeMarkdownView } from '../plugins/rehype-markdown-view';
import type { RawPlugin } from '../plugins/rehype-raw-where-needed';
import { remarkMarkdownView } from '../plugins/remark-markdown-view';
import type { TaskLink } from '../task-key';

// The Markdown pipeline itself (react-markdown, markdown-it, sanitize), loaded by
// MarkdownView on first use so that pages which may show Markdown (the board, for its drawer) do
// not carry it in their first-load JS.

type PluginList = NonNullable<Options['rehypePlugins']>;

// remark-rehype must not prefix ids itself: rehype-sanitize prefixes each one once, per view.
const REMARK_REHYPE = { clobberPrefix: '' };

export interface BlockProps {
  text: string;
  offset: number;
  idPrefix: string;
  taskLinks: ReadonlyMap<string, TaskLink>;
  /** The HTML parser, for a block that may hold raw HTML once it has loaded (lazy-extras.ts). */
  raw: RawPlugin | undefined;
  components: Components;
}

/** One run of blocks through the whole pipeline; memoised, so an edit elsewhere does not re-parse it. */
const MarkdownBlockView = memo(function MarkdownBlockView({
  text,
  offset,
  idPrefix,
  taskLinks,
  raw,
  components,
}: BlockProps) {
  const remarkPlugins = useMemo<PluginList>(
    () => [remarkMarkdownParser, [remarkMarkdownView, { links: taskLinks }]],
    [taskLinks],
  );
  const rehypePlugins = useMemo<PluginList>(
    () => [
      ...(raw ? [raw] : []),
      [rehypeSanitize, markdownSchema(idPrefix)],
      [rehypeMarkdownView, { idPrefix, apiUrl: publicApiUrl, offset }],
    ],
    [raw, idPrefix, offset],
  );
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      remarkRehypeOptions={REMARK_REHYPE}
      rehypePlugins={rehypePlugins}
      components={components}
      urlTransform={safeUrl}
    >
      {text}
    </Markdown>
  );
});

export default MarkdownBlockView;
