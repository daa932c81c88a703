'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useDuplicates } from '../hooks/use-duplicates';

/** Under a new task's title: open tasks that look like the same work, before it is saved. */
export function DuplicateHints({ projectId, title }: { projectId: string; title: string }) {
  const pathname = usePathname();
  const duplicates = useDuplicates(projectId, title);
  const items = title.trim().length >= 3 ? (duplicates.data?.items ?? []) : [];
  return (
    <div aria-live="polite">
      {items.length > 0 ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
          <p className="font-medium">Similar open tasks:</p>
          <ul>
            {items.map((d) => (
              <li key={d.taskId}>
                <Link href={`${pathname}?task=${d.taskId}`} scroll={false} className="hover:underline">
                  <span className="font-mono">{d.key}</span> {d.title}
                </Link>{' '}
                <span className="text-amber-700 dark:text-amber-300">
                  ({Math.round(d.similarity * 100)}% alike)
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
