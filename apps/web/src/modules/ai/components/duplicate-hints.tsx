'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { DuplicateCandidate } from '@teamflow/contracts/ai';
import { useDuplicates } from '../hooks/use-duplicates';
import { ProviderBadge } from './provider-badge';

/** "in wording", "in meaning" or "in wording and meaning": what found the task. */
const how = (matchedBy: DuplicateCandidate['matchedBy']) =>
  `in ${matchedBy.map((m) => (m === 'words' ? 'wording' : 'meaning')).join(' and ')}`;

/** Under a new task's title: open tasks that look like the same work, before it is saved. */
export function DuplicateHints({ projectId, title }: { projectId: string; title: string }) {
  const pathname = usePathname();
  const duplicates = useDuplicates(projectId, title);
  const items = title.trim().length >= 3 ? (duplicates.data?.items ?? []) : [];
  const source = duplicates.data?.source;
  return (
    <div aria-live="polite">
      {items.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            Similar open tasks: {source ? <ProviderBadge source={source} /> : null}
          </p>
          <ul>
            {items.map((d) => (
              <li key={d.taskId}>
                <Link href={`${pathname}?task=${d.taskId}`} scroll={false} className="hover:underline">
                  <span className="font-mono">{d.key}</span> {d.title}
                </Link>{' '}
                <span className="text-amber-700 dark:text-amber-300">
                  ({Math.round(d.similarity * 100)}% alike {how(d.matchedBy)})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
