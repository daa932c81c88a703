'use client';

import type { TaskStatus } from '@teamflow/contracts/tasks';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { showToast } from '@/modules/ui/toast';
import { useCreateFromTemplate, useProjectTemplates } from '../hooks/use-templates';

/** Quick add's "from template": pick one and the task (with its sub-tasks) lands in this column. */
export function TemplateQuickAdd({ projectId, status }: { projectId: string; status: TaskStatus }) {
  const { workspaceId } = useParams<{ workspaceId: string }>();
  const templates = useProjectTemplates(projectId);
  const create = useCreateFromTemplate(projectId);
  const [templateId, setTemplateId] = useState('');
  const items = templates.data?.items ?? [];
  if (items.length === 0) return null;

  const add = async () => {
    if (!templateId) return;
    try {
      const task = await create.mutateAsync({ templateId, status });
      showToast({ tone: 'success', title: `${task.key} created from a template` });
      setTemplateId('');
    } catch (error) {
      showToast({
        tone: 'error',
        title: 'Could not create from the template',
        description: (error as Error).message,
      });
    }
  };

  return (
    <div className="flex items-center gap-1 px-2 text-xs">
      <select
        aria-label={`New from template (${status})`}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-1 dark:border-slate-600 dark:bg-slate-900"
        value={templateId}
        onChange={(e) => setTemplateId(e.target.value)}
      >
        <option value="">From template…</option>
        {items.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
            {t.projectId ? '' : ' (workspace)'}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => void add()}
        disabled={!templateId || create.isPending}
        className="rounded px-2 py-1 font-medium text-indigo-700 hover:bg-indigo-50 disabled:text-slate-400 dark:text-indigo-300 dark:hover:bg-indigo-950"
      >
        Create
      </button>
      <Link
        href={`/w/${workspaceId}/p/${projectId}/templates`}
        className="text-slate-500 dark:text-slate-400 hover:underline"
        aria-label="Manage templates"
      >
        ⚙
      </Link>
    </div>
  );
}
