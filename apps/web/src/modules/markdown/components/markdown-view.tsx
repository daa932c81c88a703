'use client';

import Link from 'next/link';
import {
  lazy,
  startTransition,
  Suspense,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
} from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { useTaskKeyLinks } from '../hooks/use-task-key-links';
import { useLazyExtras } from '../lazy-extras';
import { blocksWithin, markdownBlocks, mayHoldHtml } from '../markdown-blocks';
import { toggleChecklistItem } from '../toggle-checklist';
import { Code, Pre } from './code-block';

const loadRenderer = () => import('./markdown-block.internal');
const MarkdownBlockView = lazy(loadRenderer);

/** Starts loading the Markdown pipeline before a view needs it (the bench; a page about to show text). */
export function preloadMarkdownRenderer(): Promise<unknown> {
  return loadRenderer();
}

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
  /** Checkboxes do not toggle (a toggle is being saved). */
  checklistBusy?: boolean;
  className?: string;
  /** Render a long text in one go instead of its first part first (the bench's full-render figure). */
  renderAll?: boolean;
}

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

const asWritten = (blocks: readonly { text: string }[], count: number) =>
  blocks
    .slice(0, count)
    .map((b) => b.text)
    .join('');

/**
 * The one Markdown renderer of the web app (descriptions, comments, and every long text): GFM read
 * by markdown-it (markdown-parser.ts) and rendered by react-markdown, raw HTML cut by
 * rehype-sanitize to what the api keeps on write (markdown-schema.ts), links that open safely,
 * images only from our attachments, mentions and task keys as remark plugins, code highlighted
 * once the highlighter has loaded (lazy-extras.ts), and task-list checkboxes that toggle the
 * source when `onToggleChecklist` is given. A long text
 * renders in runs of blocks (markdown-blocks.ts): the first paint, and every edit, parses only a
 * few thousand characters. The pipeline itself loads on first use (markdown-block.internal.tsx).
 */
export function MarkdownView({
  source,
  workspaceId,
  onToggleChecklist,
  checklistBusy,
  className,
  renderAll,
}: MarkdownViewProps) {
  const extras = useLazyExtras();
  const taskLinks = useTaskKeyLinks(workspaceId, source);
  const idPrefix = `user-content-${useId().replace(/[^\w-]/g, '')}-`;
  const blocks = useMemo(
    () => markdownBlocks(source).map((block) => ({ ...block, html: mayHoldHtml(block.text) })),
    [source],
  );
  const [shown, setShown] = useState(() => (renderAll ? Infinity : blocksWithin(blocks, 0)));

  // The rest of a long text, a step per task, as a transition (typing and clicks go first).
  useEffect(() => {
    if (shown >= blocks.length) return;
    const timer = setTimeout(() => startTransition(() => setShown((n) => blocksWithin(blocks, n))));
    return () => clearTimeout(timer);
  }, [shown, blocks]);

  // The checkbox handler reads the latest text, callback and busy state when clicked, so the
  // components (and every memoised block) stay the same while they change.
  const latest = useRef({ source, onToggleChecklist, checklistBusy });
  useLayoutEffect(() => {
    latest.current = { source, onToggleChecklist, checklistBusy };
  });
  const toggles = Boolean(onToggleChecklist);

  const components = useMemo<Components>(
    () => ({
      a: MarkdownLink,
      pre: Pre,
      code: Code,
      input: ({ node, checked, type }) => {
        if (type !== 'checkbox') return null;
        const offset = node?.properties.dataSourceOffset;
        const label = String(node?.properties.dataLabel ?? 'Checklist item');
        const enabled = toggles && typeof offset === 'number';
        return (
          <input
            type="checkbox"
            className="checklist-box"
            aria-label={label}
            checked={Boolean(checked)}
            disabled={!enabled}
            // Controlled: the box shows the source, so it ticks when the new source arrives.
            onChange={() => {
              const { source: current, onToggleChecklist: toggle, checklistBusy: busy } = latest.current;
              if (!toggle || busy || typeof offset !== 'number') return;
              const next = toggleChecklistItem(current, offset);
              if (next !== null) toggle(next);
            }}
          />
        );
      },
    }),
    [toggles],
  );

  return (
    <div className={`markdown-body ${className ?? ''}`}>
      {/* Until the pipeline has loaded (once per page), the runs due so far show as written (not
          the whole of a long text: laying out 50,000 characters, and then taking them down, made
          two long tasks in Chromium). */}
      <Suspense fallback={<p className="whitespace-pre-wrap">{asWritten(blocks, shown)}</p>}>
        {blocks.slice(0, shown).map((block, i) => (
          <MarkdownBlockView
            key={i}
            text={block.text}
            offset={block.offset}
            idPrefix={blocks.length === 1 ? idPrefix : `${idPrefix}${i}-`}
            taskLinks={taskLinks}
            // Only a run that may hold HTML re-renders when the HTML parser arrives.
            raw={block.html ? extras.raw : undefined}
            components={components}
          />
        ))}
      </Suspense>
    </div>
  );
}
