'use client';

import { memo, useMemo } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { publicApiUrl } from '@/lib/public-env';
import type { LazyExtras } from '../lazy-extras';
import { markdownSchema } from '../markdown-schema';
import { safeUrl } from '../markdown-url';
import {
  rehypeAttachmentImages,
  rehypeChecklistSources,
  rehypeFootnoteLinks,
} from '../plugins/rehype-markdown-view';
import { remarkMentions } from '../plugins/remark-mentions';
import { remarkRequestExtras } from '../plugins/remark-request-extras';
import { remarkTaskKeys } from '../plugins/remark-task-keys';
import type { TaskLink } from '../task-key';

// The Markdown pipeline itself (react-markdown, micromark, GFM, sanitize: ~42 kB gzip), loaded by
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
  extras: LazyExtras;
  components: Components;
}

/** One run of blocks through the whole pipeline; memoised, so an edit elsewhere does not re-parse it. */
const MarkdownBlockView = memo(function MarkdownBlockView({
  text,
  offset,
  idPrefix,
  taskLinks,
  extras,
  components,
}: BlockProps) {
  const remarkPlugins = useMemo<PluginList>(
    () => [remarkGfm, remarkRequestExtras, remarkMentions, [remarkTaskKeys, { links: taskLinks }]],
    [taskLinks],
  );
  const rehypePlugins = useMemo<PluginList>(
    () => [
      ...(extras.raw ? [extras.raw] : []),
      [rehypeSanitize, markdownSchema(idPrefix)],
      [rehypeFootnoteLinks, { idPrefix }],
      [rehypeAttachmentImages, { apiUrl: publicApiUrl }],
      [rehypeChecklistSources, { offset }],
      ...(extras.highlight ? [[extras.highlight, { detect: false }] satisfies PluginList[number]] : []),
    ],
    [extras, idPrefix, offset],
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
