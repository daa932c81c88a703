'use client';

import Link from 'next/link';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';
import { taskPagePath } from '../hooks/task-url';

/** "Open full page" (hidden on the page itself) and "Copy link" for a task. */
export function TaskLinkActions({
  workspaceId,
  taskId,
  taskKey,
  showOpen = true,
}: {
  workspaceId: string;
  taskId: string;
  taskKey: string;
  showOpen?: boolean;
}) {
  const path = taskPagePath(workspaceId, taskId);
  const copy = async () => {
    const url = `${window.location.origin}${path}`;
    try {
      await navigator.clipboard.writeText(url);
      showToast({ tone: 'success', title: `Link to ${taskKey} copied` });
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): show the link instead.
      showToast({ tone: 'error', title: 'Could not copy the link', description: url });
    }
  };
  return (
    <div className="flex flex-wrap gap-2">
      {showOpen ? (
        <Link
          href={path}
          className="inline-flex items-center rounded-md border border-slate-300 px-2 py-1 text-sm font-medium text-indigo-700 hover:bg-slate-50 dark:border-slate-600 dark:text-indigo-300 dark:hover:bg-slate-800"
        >
          Open full page<span className="sr-only"> for {taskKey}</span>
        </Link>
      ) : null}
      <Button variant="secondary" className="px-2 py-1" onClick={() => void copy()}>
        Copy link<span className="sr-only"> to {taskKey}</span>
      </Button>
    </div>
  );
}
