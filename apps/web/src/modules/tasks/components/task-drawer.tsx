'use client';

import * as Dialog from '@radix-ui/react-dialog';
import type { Task } from '@teamflow/contracts/tasks';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { PresenceAvatars } from '@/modules/realtime/components/presence-avatars';
import { STATUS_LABEL } from '../task-status';
import { AiBreakdownPanel } from '@/modules/ai/components/ai-breakdown-panel';
import { TaskExtras } from './task-extras';
import { TaskLinkActions } from './task-link-actions';
import { TaskDetailForm } from './task-detail-form';

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
          {task ? (
            <div className="mb-4">
              <TaskLinkActions workspaceId={task.workspaceId} taskId={task.id} taskKey={task.key} />
            </div>
          ) : null}
          {task ? <TaskDetailForm key={task.id} task={task} readOnly={readOnly} /> : null}
          {task ? <AiBreakdownPanel key={`ai-${task.id}`} task={task} /> : null}
          {task && tasks ? (
            <TaskExtras key={`extras-${task.id}`} task={task} tasks={tasks} readOnly={readOnly} />
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
