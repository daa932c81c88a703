'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { useState } from 'react';
import { useCreateTask } from '../hooks/use-create-task';
import { Button } from '@/modules/ui/components/button';
import { showToast } from '@/modules/ui/toast';
import { usePatchTask } from '../hooks/use-patch-task';

interface TaskSubtasksProps {
  task: Task;
  /** The project's tasks (board cache); sub-tasks are those whose parent is this task. */
  tasks: Task[];
  readOnly: boolean;
}

export function TaskSubtasks({ task, tasks, readOnly }: TaskSubtasksProps) {
  const subtasks = tasks.filter((t) => t.parentId === task.id);
  const create = useCreateTask(task.projectId);
  const patch = usePatchTask();
  const [title, setTitle] = useState('');
  const done = subtasks.filter((t) => t.status === 'done').length;

  return (
    <section aria-labelledby="subtasks-heading" className="flex flex-col gap-2">
      <h3 id="subtasks-heading" className="text-sm font-semibold">
        Sub-tasks {subtasks.length > 0 ? `(${done}/${subtasks.length} done)` : null}
      </h3>
      <ul className="flex flex-col gap-1">
        {subtasks.map((sub) => (
          <li key={sub.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              aria-label={`${sub.title} done`}
              checked={sub.status === 'done'}
              disabled={readOnly || patch.isPending}
              onChange={(event) =>
                patch.mutate({ task: sub, body: { status: event.target.checked ? 'done' : 'todo' } })
              }
            />
            <span className={sub.status === 'done' ? 'text-slate-500 dark:text-slate-400 line-through' : ''}>
              <span className="mr-1 font-mono text-xs text-slate-500 dark:text-slate-400">{sub.key}</span>
              {sub.title}
            </span>
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <form
          className="flex gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (title.trim().length < 3) {
              showToast({ tone: 'error', title: 'A sub-task title needs at least 3 characters' });
              return;
            }
            create.mutate(
              { title: title.trim(), parentId: task.id },
              {
                onSuccess: () => setTitle(''),
                onError: (error) =>
                  showToast({ tone: 'error', title: 'Sub-task not added', description: error.message }),
              },
            );
          }}
        >
          <input
            aria-label="New sub-task"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            placeholder="Add a sub-task"
            className="flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
          />
          <Button type="submit" variant="secondary" disabled={create.isPending}>
            Add
          </Button>
        </form>
      )}
    </section>
  );
}
