'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { Task } from '@teamflow/contracts/tasks';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect } from 'react';
import { PresenceAvatars } from '@/modules/realtime/components/presence-avatars';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { STATUS_LABEL } from '../task-status';

// The drawer's body (the detail form, the Markdown editor, the AI and parts panels: about a third
// of a board's script) loads on first need, not with the board: the board paints without it, and
// once the page is idle it is fetched ahead so opening a task does not wait on the network.
const loadBody = () => import('./task-drawer-body');
const TaskDrawerBody = dynamic(loadBody, {
  ssr: false,
  loading: () => <SkeletonList rows={3} label="Loading the task" />,
});

/** Fetches the drawer's body once the page has gone idle (or at once where idle callbacks are missing). */
function usePreloadDrawerBody(): void {
  useEffect(() => {
    if (typeof window.requestIdleCallback !== 'function') {
      void loadBody();
      return;
    }
    const handle = window.requestIdleCallback(() => void loadBody(), { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }, []);
}

const createdFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** The task named by `?task=` in a side drawer; closing it drops the parameter. */
export function TaskDrawer({ tasks, readOnly }: { tasks: Task[] | undefined; readOnly: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const taskId = searchParams.get('task');
  // Closing drops only `task`: other view state in the URL (the calendar's month) stays.
  const closeHref = () => {
    const rest = new URLSearchParams(searchParams.toString());
    rest.delete('task');
    return rest.size > 0 ? `${pathname}?${rest.toString()}` : pathname;
  };
  const task = taskId ? tasks?.find((t) => t.id === taskId) : undefined;
  usePreloadDrawerBody();

  return (
    <Dialog.Root
      open={taskId !== null}
      onOpenChange={(open) => !open && router.push(closeHref(), { scroll: false })}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/20" />
        <Dialog.Content className="fixed inset-y-0 right-0 z-40 flex w-[min(32rem,100vw)] flex-col overflow-y-auto bg-white p-4 shadow-2xl sm:p-6 dark:bg-slate-900">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <Dialog.Title className="text-lg font-semibold">{task ? task.key : 'Task'}</Dialog.Title>
              <Dialog.Description className="text-sm text-slate-600 dark:text-slate-400">
                {task
                  ? `${STATUS_LABEL[task.status]} · version ${task.version} · created ${createdFormat.format(new Date(task.createdAt))}`
                  : tasks
                    ? 'This task does not exist or was deleted.'
                    : 'Loading the task…'}
              </Dialog.Description>
              {task ? (
                <div className="mt-2">
                  <PresenceAvatars
                    workspaceId={task.workspaceId}
                    room={`task:${task.id}`}
                    label="Also viewing"
                  />
                </div>
              ) : null}
            </div>
            <Dialog.Close
              aria-label="Close task details"
              className="rounded px-2 text-xl text-slate-500 hover:bg-slate-100"
            >
              ×
            </Dialog.Close>
          </div>
          {task && tasks ? <TaskDrawerBody task={task} tasks={tasks} readOnly={readOnly} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
