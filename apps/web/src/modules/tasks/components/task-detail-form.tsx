'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { TaskPriority, TaskStatus, TaskUpdate, type Task } from '@teamflow/contracts/tasks';
import { useLayoutEffect } from 'react';
import { Controller, useForm, type FieldNamesMarkedBoolean } from 'react-hook-form';
import { type z } from 'zod';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { Button } from '@/modules/ui/components/button';
import { FormError } from '@/modules/ui/components/form-error';
import { SelectField } from '@/modules/ui/components/select-field';
import { TextField } from '@/modules/ui/components/text-field';
import { showToast } from '@/modules/ui/toast';
import { STATUS_LABEL } from '../task-status';
import { currentTaskFromConflict } from '../hooks/conflict-from-error';
import { applyTaskChange } from '@/modules/task-cache/task-cache';
import { useUpdateTask } from '../hooks/use-update-task';
import { useConflictStore, type ConflictField } from '../stores/conflict-store';
import { DescriptionField } from './description-field';
import { useTaskChangePending } from '../hooks/task-change';
import { useQueryClient } from '@tanstack/react-query';

const TaskDetails = TaskUpdate.pick({
  version: true,
  title: true,
  description: true,
  status: true,
  priority: true,
  storyPoints: true,
  dueDate: true,
});
type TaskDetails = z.infer<typeof TaskDetails>;
const FIELDS = ['title', 'description', 'status', 'priority', 'storyPoints', 'dueDate'] as const;

function detailsOf(task: Task): TaskDetails {
  return {
    version: task.version,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    storyPoints: task.storyPoints,
    dueDate: task.dueDate,
  };
}

const emptyToNull = (value: string | null) => (value === null || value.trim() === '' ? null : value);

/** Only what the user changed goes to the api, so "apply mine again" re-applies just that. */
function changedFields(
  values: TaskDetails,
  dirty: Partial<FieldNamesMarkedBoolean<TaskDetails>>,
): Partial<TaskDetails> {
  const changed: Partial<TaskDetails> = Object.fromEntries(
    FIELDS.filter((f) => dirty[f]).map((f) => [f, values[f]]),
  );
  if (changed.description !== undefined) changed.description = emptyToNull(changed.description);
  return changed;
}

function asText(changes: Partial<TaskDetails>): Partial<Record<ConflictField, string>> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, value]) => [
      field,
      field === 'status' ? STATUS_LABEL[value as TaskStatus] : value === null ? '' : String(value),
    ]),
  );
}

export function TaskDetailForm({ task, readOnly }: { task: Task; readOnly: boolean }) {
  const queryClient = useQueryClient();
  const updateTask = useUpdateTask();
  const openConflict = useConflictStore((s) => s.open);
  const form = useForm({ resolver: zodResolver(TaskDetails), defaultValues: detailsOf(task) });
  const { errors, isSubmitting, isDirty } = form.formState;
  // A label or assignee ticked beside the form is still saving: Save waits for the version it makes.
  const changePending = useTaskChangePending(task.id);
  // The form holds the version its values are based on; a newer one on the server means the save conflicts.
  const resetTo = (next: Task) => form.reset(detailsOf(next));

  // A newer version arrived (someone else, or a checkbox saved beside this form). Untouched form:
  // just show it. Edits in progress: take it in only when it left the fields being edited as they
  // were, keeping the user's edits on top; otherwise saving will show the conflict dialog.
  // Before paint, so Save is never clickable on the version this render replaced.
  useLayoutEffect(() => {
    if (task.version === form.getValues('version')) return;
    const next = detailsOf(task);
    if (!form.formState.isDirty) return form.reset(next);
    const base = form.formState.defaultValues;
    const editing = FIELDS.filter((f) => form.formState.dirtyFields[f]);
    if (!editing.every((f) => (base?.[f] ?? null) === next[f])) return;
    const mine = editing.map((f) => [f, form.getValues(f)] as const);
    form.reset(next);
    for (const [f, value] of mine) form.setValue(f, value, { shouldDirty: true });
  }, [task, form]);

  const save = async (changes: Partial<TaskDetails>, version: number) => {
    try {
      const saved = await updateTask.mutateAsync({ taskId: task.id, body: { ...changes, version } });
      resetTo(saved);
      showToast({ tone: 'success', title: `${saved.key} saved` });
    } catch (error) {
      const theirs = currentTaskFromConflict(error);
      if (!theirs) return applyApiErrors(error, form.setError, FIELDS);
      openConflict({
        theirs,
        mine: asText(changes),
        applyMine: (current) => void save(changes, current.version),
        keepTheirs: (current) => {
          applyTaskChange(queryClient, current, { source: 'server' });
          resetTo(current);
        },
      });
    }
  };

  const onSubmit = form.handleSubmit((values) =>
    save(changedFields(values, form.formState.dirtyFields), values.version),
  );

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={`Edit ${task.key}`}
      data-task-detail
      className="flex flex-col gap-4"
    >
      <fieldset disabled={readOnly} className="flex flex-col gap-4">
        <TextField label="Title" error={errors.title?.message} {...form.register('title')} />
        <Controller
          control={form.control}
          name="description"
          render={({ field, fieldState }) => (
            <DescriptionField
              task={task}
              readOnly={readOnly}
              value={field.value ?? ''}
              // An emptied description is no description (null), as the api stores it.
              onChange={(text) => field.onChange(text === '' ? null : text)}
              onBlur={field.onBlur}
              editing={fieldState.isDirty}
              error={errors.description?.message}
              textareaRef={field.ref}
            />
          )}
        />
        <div className="grid grid-cols-2 gap-4">
          <SelectField
            label="Status"
            options={TaskStatus.options.map((s) => [s, STATUS_LABEL[s]])}
            {...form.register('status')}
          />
          <SelectField
            label="Priority"
            options={TaskPriority.options.map((p) => [p, p.charAt(0).toUpperCase() + p.slice(1)])}
            {...form.register('priority')}
          />
          <TextField
            label="Story points"
            type="number"
            min={1}
            max={21}
            error={errors.storyPoints?.message}
            {...form.register('storyPoints', {
              setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)),
            })}
          />
          <TextField
            label="Due date"
            type="date"
            error={errors.dueDate?.message}
            {...form.register('dueDate', { setValueAs: (v: string | null) => (v ? v : null) })}
          />
        </div>
      </fieldset>
      <FormError message={errors.root?.message} />
      {readOnly ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          You can view this task; your role does not allow editing it.
        </p>
      ) : (
        <div className="flex justify-end gap-2">
          <Button variant="secondary" disabled={!isDirty || isSubmitting} onClick={() => resetTo(task)}>
            Discard changes
          </Button>
          <Button type="submit" disabled={!isDirty || isSubmitting || changePending}>
            {isSubmitting ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      )}
    </form>
  );
}
