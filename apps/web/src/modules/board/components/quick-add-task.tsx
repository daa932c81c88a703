'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { TaskCreate } from '@teamflow/contracts/tasks';
import { useForm, useWatch } from 'react-hook-form';
import { applyApiErrors } from '@/lib/apply-api-field-errors';
import { DuplicateHints } from '@/modules/ai/components/duplicate-hints';
import { TemplateQuickAdd } from '@/modules/planning/components/template-quick-add';
import { STATUS_LABEL, type BoardStatus } from '@/modules/tasks/task-status';
import { useCreateTask } from '@/modules/tasks/hooks/use-create-task';

const QuickAdd = TaskCreate.pick({ title: true });

/** One line at the foot of a column: type a title, press Enter, the task lands in this column. */
export function QuickAddTask({ projectId, status }: { projectId: string; status: BoardStatus }) {
  const createTask = useCreateTask(projectId);
  const form = useForm({ resolver: zodResolver(QuickAdd), defaultValues: { title: '' } });
  const title = useWatch({ control: form.control, name: 'title' });
  const error = form.formState.errors.title?.message ?? form.formState.errors.root?.message;
  const label = `Add a task to ${STATUS_LABEL[status]}`;

  const onSubmit = form.handleSubmit(async ({ title }) => {
    try {
      await createTask.mutateAsync({ title, status });
      form.reset({ title: '' });
      form.setFocus('title');
    } catch (err) {
      applyApiErrors(err, form.setError, ['title']);
    }
  });

  return (
    <form
      onSubmit={(event) => void onSubmit(event)}
      noValidate
      aria-label={label}
      className="flex flex-col gap-1"
    >
      <div className="flex gap-1">
        <input
          aria-label={label}
          placeholder="+ Add a task"
          aria-invalid={error ? true : undefined}
          className="min-w-0 flex-1 rounded-md border border-transparent bg-transparent px-2 py-1.5 text-sm placeholder:text-slate-500 hover:border-slate-300 focus:border-indigo-500 focus:bg-white focus:outline-none dark:hover:border-slate-600 dark:focus:bg-slate-900"
          {...form.register('title')}
        />
        <button
          type="submit"
          aria-label={`Add task to ${STATUS_LABEL[status]}`}
          disabled={form.formState.isSubmitting}
          className="rounded-md px-2 text-sm font-medium text-indigo-700 hover:bg-indigo-50 disabled:text-slate-400 dark:text-indigo-300 dark:hover:bg-indigo-950"
        >
          Add
        </button>
      </div>
      <DuplicateHints projectId={projectId} title={title} />
      <TemplateQuickAdd projectId={projectId} status={status} />
      {error ? (
        <p role="alert" className="px-2 text-xs text-rose-700 dark:text-rose-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
