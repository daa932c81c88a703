'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { useWorkspaceDirectory } from '@/modules/workspaces/hooks/use-workspace-directory';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { usePatchTask } from '../hooks/use-patch-task';
import { useTaskChangePending } from '../hooks/task-change';
import { NewLabelForm } from './new-label-form';

const toggle = (ids: string[], id: string) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]);

/** Assignees and labels as checkbox lists; each tick saves at once with the task's version. */
export function TaskPeopleLabels({ task, readOnly }: { task: Task; readOnly: boolean }) {
  const { people, labels } = useWorkspaceDirectory(task.workspaceId);
  const patch = usePatchTask();
  // One change at a time, each based on the version the last one produced (see useTaskChangePending).
  const changePending = useTaskChangePending(task.id);
  const disabled = readOnly || changePending;
  const canCreateLabel = useCan(task.workspaceId, 'label.create') && !readOnly;

  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <fieldset disabled={disabled} className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">Assignees</legend>
        {[...people.values()].map((person) => (
          <label key={person.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={task.assigneeIds.includes(person.id)}
              onChange={() =>
                patch.mutate({ task, body: { assigneeIds: toggle(task.assigneeIds, person.id) } })
              }
            />
            {person.name}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={disabled} className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">Labels</legend>
        {labels.size === 0 ? (
          <p className="text-xs text-slate-500 dark:text-slate-400">This workspace has no labels yet.</p>
        ) : null}
        {[...labels.values()].map((label) => (
          <label key={label.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={task.labelIds.includes(label.id)}
              onChange={() => patch.mutate({ task, body: { labelIds: toggle(task.labelIds, label.id) } })}
            />
            <span aria-hidden className="h-2.5 w-2.5 rounded-full" style={{ backgroundColor: label.color }} />
            {label.name}
          </label>
        ))}
        {canCreateLabel ? (
          <NewLabelForm
            workspaceId={task.workspaceId}
            onCreated={(label) => patch.mutate({ task, body: { labelIds: [...task.labelIds, label.id] } })}
          />
        ) : null}
      </fieldset>
    </div>
  );
}
