import { taskXp } from '@teamflow/contracts/progress';
import type { CoreDeps } from '../platform/context';
import { isoWeekdayOf, shiftDate, startOfLocalDay, todayIn } from '../platform/local-dates';
import { awardXp } from './award-xp';
import { doneTasksOf } from './progress.repository';

/**
 * The demo's progress history: each done task of the workspace paid (through the same rules as
 * the xp consumer) on one of the workdays before today, oldest first, so a demo user opens the
 * Progress page to a level, a streak, achievements and a leaderboard. Later events about these
 * tasks pay nothing: each has had its one payment.
 */
export async function seedProgressHistory(
  deps: Pick<CoreDeps, 'db'>,
  workspaceId: string,
  fallbackUserId: string,
  now: Date = new Date(),
): Promise<number> {
  const tasks = await doneTasksOf(deps.db, workspaceId);
  // The last workdays before today (UTC), one per task, so the streak runs up to yesterday.
  const days: string[] = [];
  for (let d = shiftDate(todayIn('UTC', now), -1); days.length < tasks.length; d = shiftDate(d, -1))
    if (isoWeekdayOf(d) <= 5) days.unshift(d);
  let written = 0;
  for (const [i, task] of tasks.entries()) {
    const earnedAt = new Date(startOfLocalDay(days[i]!, 'UTC').getTime() + 15 * 3_600_000);
    const payees = task.assigneeIds.length > 0 ? task.assigneeIds : [fallbackUserId];
    written += await deps.db.transaction((tx) =>
      awardXp(
        tx,
        workspaceId,
        payees.map((userId) => ({
          userId,
          kind: 'task_done',
          sourceType: 'task',
          sourceId: task.id,
          label: `${task.key} ${task.title}`,
          baseXp: taskXp(task.storyPoints),
          selfFarm: false,
          earnedAt,
          detail: { taskKey: task.key, helped: userId !== task.createdBy, points: task.storyPoints },
        })),
      ),
    );
  }
  return written;
}
