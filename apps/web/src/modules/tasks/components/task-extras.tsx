'use client';

import type { Task } from '@teamflow/contracts/tasks';
import { TaskAttachments } from '@/modules/attachments/components/task-attachments';
import { useSession } from '@/modules/auth/hooks/use-session';
import { TaskDevelopment } from '@/modules/integrations/components/task-development';
import { RecurrencePicker } from '@/modules/planning/components/recurrence-picker';
import { useWorkspace } from '@/modules/workspaces/hooks/use-workspaces';
import { TaskActivity } from './task-activity';
import { TaskComments } from './task-comments';
import { TaskDependencies } from './task-dependencies';
import { TaskPeopleLabels } from './task-people-labels';
import { TaskSubtasks } from './task-subtasks';

/** Everything below the main form, in the task drawer and on the task's own page. */
export function TaskExtras({ task, tasks, readOnly }: { task: Task; tasks: Task[]; readOnly: boolean }) {
  const { workspace } = useWorkspace(task.workspaceId);
  const session = useSession();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;
  return (
    <div className="mt-6 flex flex-col gap-6 border-t border-slate-200 pt-6 dark:border-slate-700">
      <TaskPeopleLabels task={task} readOnly={readOnly} />
      <RecurrencePicker taskId={task.id} readOnly={readOnly} />
      <TaskSubtasks task={task} tasks={tasks} readOnly={readOnly} />
      <TaskDependencies task={task} tasks={tasks} readOnly={readOnly} />
      <TaskAttachments taskId={task.id} role={workspace?.role} userId={userId} />
      <TaskDevelopment taskId={task.id} taskKey={task.key} />
      <TaskComments taskId={task.id} workspaceId={task.workspaceId} role={workspace?.role} userId={userId} />
      <TaskActivity taskId={task.id} />
    </div>
  );
}
