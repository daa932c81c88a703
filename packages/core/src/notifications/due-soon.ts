import type { CoreDeps } from '../platform/context';
import { writeNotifications, type Intent } from './write-notifications';
import { dueSoonAssignments, findTaskContext } from './notifications.repository';

/**
 * notifications/due-soon (hourly): each assignee of an open task due within the window hears of
 * it once per due date (dedupe key `due_soon:{task}:{date}`), however often the job runs.
 */
export async function notifyDueSoon(
  deps: Pick<CoreDeps, 'db'>,
  options: { withinHours: number; now?: Date },
): Promise<{ tasks: number; written: number }> {
  const horizon = new Date((options.now ?? new Date()).getTime() + options.withinHours * 3600_000);
  const rows = await dueSoonAssignments(deps.db, horizon);
  const byTask = new Map<string, string[]>();
  for (const r of rows) byTask.set(r.taskId, [...(byTask.get(r.taskId) ?? []), r.userId]);
  let written = 0;
  for (const [taskId, userIds] of byTask) {
    const task = await findTaskContext(deps.db, taskId);
    if (!task?.dueDate) continue;
    const intents: Intent[] = userIds.map((userId) => ({
      userId,
      type: 'due_soon',
      dedupeKey: `due_soon:${taskId}:${task.dueDate}`,
      data: { taskKey: task.key, taskTitle: task.title, projectId: task.projectId, dueDate: task.dueDate! },
    }));
    written += await writeNotifications(deps, task.workspaceId, taskId, null, intents);
  }
  return { tasks: byTask.size, written };
}
