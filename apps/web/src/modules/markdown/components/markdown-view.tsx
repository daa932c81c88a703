'use client';

import Link from 'next/link';
import { useId, useMemo, type ComponentProps } from 'react';
import Markdown, { type Components, type ExtraProps, type Options } from 'react-markdown';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import { publicApiUrl } from '@/lib/public-env';
import { useTaskKeyLinks } from '../hooks/use-task-key-links';
import { useLazyExtras } from '../lazy-extras';
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
import { toggleChecklistItem } from '../toggle-checklist';

export interface MarkdownViewProps {
  /** The Markdown source (GitHub-flavoured). */
  source: string;
  /** Links task keys (`PLAT-12`) to the tasks of this workspace the reader may see. */
  workspaceId?: string;
  /**
   * Makes task-list checkboxes toggles: called with the source as it is with the clicked item
   * ticked or unticked. Without it the checkboxes are read-only.
   */
  onToggleChecklist?: (nextSource: string) => void;
  /** Checkboxes are shown busy and do not toggle (a toggle is being saved). */
  checklistBusy?: boolean;
  className?: string;
}

type PluginList = NonNullable<Options['rehypePlugins']>;

// remark-rehype must not prefix ids itself: rehype-sanitize prefixes each one once, per view.
const REMARK_REHYPE = { clobberPrefix: '' };

function MarkdownLink({ node, href, children, ...props }: ComponentProps<'a'> & ExtraProps) {
  if (!href) return <span>{children}</span>;
  if (node?.properties.dataTaskKey) {
    return (
      <Link href={href} title={props.title} className="task-key">
        {children}
      </Link>
    );
  }
  // Footnotes and other in-page or in-app links stay in this tab; anything else opens a new one
  // that cannot reach back to this page (window.opener) or learn where the reader came from.
  if (href.startsWith('#') || href.startsWith('/'))
    return (
      <a href={href} {...props}>
        {children}
      </a>
    );
  return (
    <a href={href} {...props} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/**
 * The one Markdown renderer of the web app (descriptions, comments, and every long text): GFM via
 * react-markdown + remark-gfm, raw HTML cut by rehype-sanitize to what the api keeps on write
 * (markdown-schema.ts), links that open safely, images only from our attachments, mentions and
 * task keys as remark plugins, code highlighted once the highlighter has loaded (lazy-extras.ts),
 * and task-list checkboxes that toggle the source when `onToggleChecklist` is given.
 */
export function MarkdownView({
  source,
  workspaceId,
  onToggleChecklist,
  checklistBusy,
  className,
}: MarkdownViewProps) {
  const extras = useLazyExtras();
  const taskLinks = useTaskKeyLinks(workspaceId, source);
  const idPrefix = `user-content-${useId().replace(/[^\w-]/g, '')}-`;

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
      rehypeChecklistSources,
      ...(extras.highlight ? [[extras.highlight, { detect: false }] satisfies PluginList[number]] : []),
    ],
    [extras, idPrefix],
  );
  const components = useMemo<Components>(
    () => ({
      a: MarkdownLink,
      input: ({ node, checked, type }) => {
        if (type !== 'checkbox') return null;
        const offset = node?.properties.dataSourceOffset;
        const label = String(node?.properties.dataLabel ?? 'Checklist item');
        const toggle = onToggleChecklist && typeof offset === 'number' ? onToggleChecklist : undefined;
        return (
          <input
            type="checkbox"
            className="checklist-box"
            aria-label={label}
            checked={Boolean(checked)}
            disabled={!toggle}
            aria-busy={toggle && checklistBusy ? true : undefined}
            // Controlled: the box shows the source, so it ticks when the new source arrives.
            onChange={() => {
              if (!toggle || checklistBusy || typeof offset !== 'number') return;
              const next = toggleChecklistItem(source, offset);
              if (next !== null) toggle(next);
            }}
          />
        );
      },
    }),
    [onToggleChecklist, checklistBusy, source],
  );

  return (
    <div className={`markdown-body ${className ?? ''}`}>
      <Markdown
        remarkPlugins={remarkPlugins}
        remarkRehypeOptions={REMARK_REHYPE}
        rehypePlugins={rehypePlugins}
        components={components}
        urlTransform={safeUrl}
      >
        {source}
      </Markdown>
    </div>
  );
}
