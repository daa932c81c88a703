'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { MarkdownEditor } from '@/modules/markdown/components/markdown-editor';
import { MarkdownView } from '@/modules/markdown/components/markdown-view';
import { applyTaskChange } from '@/modules/task-cache/task-cache';
import { showToast } from '@/modules/ui/toast';
import { currentTaskFromConflict } from '../hooks/conflict-from-error';
import { useOpenConflict } from '../hooks/use-open-conflict';
import { useUpdateTask } from '../hooks/use-update-task';

interface DescriptionFieldProps {
  task: Task;
  readOnly: boolean;
  /** The form's current text (the saved one until the user edits it). */
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** The user has unsaved edits of the description in the form. */
  editing: boolean;
  error?: string;
  textareaRef?: (node: HTMLTextAreaElement | null) => void;
}

/**
 * The task description: the Markdown editor (Write / Preview; Preview first when there is text),
 * or the rendered text for read-only viewers. Ticking a checklist item in the preview saves at
 * once with the version shown (a stale one opens the conflict dialog like any edit); while the
 * description has unsaved edits it changes the draft instead.
 */
export function DescriptionField({
  task,
  readOnly,
  value,
  onChange,
  onBlur,
  editing,
  error,
  textareaRef,
}: DescriptionFieldProps) {
  const queryClient = useQueryClient();
  const updateTask = useUpdateTask();
  const openConflict = useOpenConflict();
  const [saving, setSaving] = useState<string | null>(null);

  const save = async (description: string, version: number) => {
    setSaving(description);
    try {
      await updateTask.mutateAsync({ taskId: task.id, body: { description, version } });
    } catch (error) {
      const theirs = currentTaskFromConflict(error);
      if (!theirs) {
        showToast({
          tone: 'error',
          title: `${task.key} not saved`,
          description: error instanceof Error ? error.message : String(error),
        });
        return;
      }
      openConflict({
        theirs,
        mine: { description },
        applyMine: (current) => void save(description, current.version),
        keepTheirs: (current) => applyTaskChange(queryClient, current, { source: 'server' }),
      });
    } finally {
      setSaving(null);
    }
  };

  const toggle = (next: string) => (editing ? onChange(next) : void save(next, task.version));

  if (readOnly) {
    return (
      <section aria-label="Description" className="flex flex-col gap-1">
        <h3 className="text-sm font-medium text-slate-700 dark:text-slate-300">Description</h3>
        {value.trim() ? (
          <MarkdownView source={value} workspaceId={task.workspaceId} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No description</p>
        )}
      </section>
    );
  }

  return (
    <MarkdownEditor
      id="task-description"
      label="Description"
      value={saving ?? value}
      onChange={onChange}
      onBlur={onBlur}
      workspaceId={task.workspaceId}
      initialMode={value.trim() ? 'preview' : 'write'}
      placeholder="Add details, links, acceptance criteria… Markdown: **bold**, - [ ] checklist, ```code```, tables"
      error={error}
      onToggleChecklist={toggle}
      checklistBusy={saving !== null}
      textareaRef={textareaRef}
    />
  );
}
