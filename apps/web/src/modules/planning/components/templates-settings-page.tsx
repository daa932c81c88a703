'use client';

import { TEMPLATE_PLACEHOLDERS } from '@teamflow/contracts/templates';
import Link from 'next/link';
import { useState } from 'react';
import { ApiError } from '@/lib/api-error';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { ProjectTimeZoneSettings } from '@/modules/projects/components/project-time-zone-form';
import { Button } from '@/modules/ui/components/button';
import { EmptyState } from '@/modules/ui/components/empty-state';
import { FormError } from '@/modules/ui/components/form-error';
import { SkeletonList } from '@/modules/ui/components/skeleton';
import { TextField } from '@/modules/ui/components/text-field';
import { useCan } from '@/modules/workspaces/hooks/use-permission';
import { useCreateTemplate, useDeleteTemplate, useProjectTemplates } from '../hooks/use-templates';

const SUBTASK_HINT = 'One per line';

/** Project settings: the templates quick add and the API offer, a form to add one, and the project's time zone. */
export function TemplatesSettingsPage({
  workspaceId,
  projectId,
}: {
  workspaceId: string;
  projectId: string;
}) {
  const templates = useProjectTemplates(projectId);
  const canCreate = useCan(workspaceId, 'template.create');
  const canDelete = useCan(workspaceId, 'template.delete');
  const create = useCreateTemplate(projectId, workspaceId);
  const remove = useDeleteTemplate(projectId);
  const [name, setName] = useState('');
  const [titlePattern, setTitlePattern] = useState('');
  const [description, setDescription] = useState('');
  const [subtasks, setSubtasks] = useState('');
  const [scope, setScope] = useState<'project' | 'workspace'>('project');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    try {
      await create.mutateAsync({
        scope,
        name,
        titlePattern,
        ...(description ? { description } : {}),
        subtasks: subtasks
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      });
      setName('');
      setTitlePattern('');
      setDescription('');
      setSubtasks('');
    } catch (error) {
      const fields = error instanceof ApiError ? error.fieldErrors : [];
      setErrors(
        fields.length
          ? Object.fromEntries(fields.map((f) => [f.field.split('.')[0]!, f.message]))
          : { root: (error as Error).message },
      );
    }
  };

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header className="flex flex-col gap-1">
        <Link
          href={`/w/${workspaceId}/p/${projectId}`}
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
        >
          ← Board
        </Link>
        <h1 className="text-2xl font-bold tracking-tight">Task templates</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Placeholders fill in when a task is made, in the project&apos;s time zone (below):{' '}
          {TEMPLATE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.
        </p>
      </header>
      {templates.error ? (
        <FormError message={templates.error.message} />
      ) : !templates.data ? (
        <SkeletonList label="Loading templates" rows={3} />
      ) : templates.data.items.length === 0 ? (
        <EmptyState title="No templates yet">
          Add one below; quick add then offers it in every column.
        </EmptyState>
      ) : (
        <ul aria-label="Templates" className="flex flex-col gap-3">
          {templates.data.items.map((t) => (
            <li key={t.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <div className="flex items-start justify-between gap-2">
                <div>
                  <p className="font-medium">
                    {t.name}{' '}
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      {t.projectId ? 'this project' : 'workspace'}
                    </span>
                  </p>
                  <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{t.titlePattern}</p>
                </div>
                {canDelete ? (
                  <Button
                    variant="ghost"
                    onClick={() => remove.mutate(t.id)}
                    aria-label={`Delete template ${t.name}`}
                  >
                    Delete
                  </Button>
                ) : null}
              </div>
              {t.description ? <MarkdownView source={t.description} workspaceId={workspaceId} /> : null}
              {t.subtasks.length ? (
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  Sub-tasks: {t.subtasks.join(' · ')}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <form onSubmit={(e) => void submit(e)} aria-label="New template" className="flex flex-col gap-3">
          <h2 className="text-lg font-semibold">New template</h2>
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors.name}
          />
          <TextField
            label="Title pattern"
            value={titlePattern}
            placeholder="Weekly review {{week}}"
            onChange={(e) => setTitlePattern(e.target.value)}
            error={errors.titlePattern}
          />
          <MarkdownEditor
            label="Description"
            value={description}
            onChange={setDescription}
            workspaceId={workspaceId}
            error={errors.description}
          />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Sub-tasks
            <textarea
              aria-describedby="subtask-hint"
              className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-normal dark:border-slate-600 dark:bg-slate-900"
              rows={3}
              value={subtasks}
              onChange={(e) => setSubtasks(e.target.value)}
            />
            <span id="subtask-hint" className="text-xs font-normal text-slate-500 dark:text-slate-400">
              {SUBTASK_HINT}
            </span>
          </label>
          <fieldset className="flex gap-4 text-sm">
            <legend className="sr-only">Offered in</legend>
            <label className="flex items-center gap-1">
              <input type="radio" checked={scope === 'project'} onChange={() => setScope('project')} /> This
              project
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" checked={scope === 'workspace'} onChange={() => setScope('workspace')} />{' '}
              Every project
            </label>
          </fieldset>
          <FormError message={errors.root ?? errors.subtasks} />
          <div>
            <Button type="submit" disabled={create.isPending}>
              Add template
            </Button>
          </div>
        </form>
      ) : null}
      <ProjectTimeZoneSettings workspaceId={workspaceId} projectId={projectId} />
    </main>
  );
}
