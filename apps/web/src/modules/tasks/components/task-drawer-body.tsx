'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { AiBreakdownPanel } from '@/modules/ai/components/ai-breakdown-panel';
import { TaskExtras } from './task-extras';
import { TaskLinkActions } from './task-link-actions';
import { TaskDetailForm } from './task-detail-form';

/**
 * What the drawer shows of an open task: the detail form, the AI breakdown and the task's parts.
 * Loaded by TaskDrawer on first need (see there), so no view that merely can open a task carries
 * the form, the Markdown editor and the panels in its first-load JS.
 */
export default function TaskDrawerBody({
  task,
  tasks,
  readOnly,
}: {
  task: Task;
  tasks: Task[];
  readOnly: boolean;
}) {
  return (
    <>
      <div className="mb-4">
        <TaskLinkActions workspaceId={task.workspaceId} taskId={task.id} taskKey={task.key} />
      </div>
      <TaskDetailForm key={task.id} task={task} readOnly={readOnly} />
      <AiBreakdownPanel key={`ai-${task.id}`} task={task} />
      <TaskExtras key={`extras-${task.id}`} task={task} tasks={tasks} readOnly={readOnly} />
    </>
  );
}
