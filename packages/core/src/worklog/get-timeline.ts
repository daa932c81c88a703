import {
  TIMELINE_TASK_LIMIT,
  type CompletedTask,
  type TimelineItem,
  type WorklogRangeQuery,
  type WorklogTimeline,
} from '@teamflow/contracts/worklog';
import type { CoreDeps, Ctx } from '../platform/context';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../platform/local-dates';
import { resolveRange } from './date-range';
import { toWorklogEntry } from './worklog.mapper';
import { completedTasks, type CompletedTaskRow } from './completed-tasks.repository';
import { entriesInRange } from './worklog.repository';

export const toCompletedTask = (t: CompletedTaskRow): CompletedTask => ({
  id: t.id,
  key: t.key,
  title: t.title,
  project: { id: t.project_id, name: t.project_name },
  workspaceId: t.workspace_id,
  doneAt: t.done_at.toISOString(),
});

/** The caller's entries merged with the tasks they completed, day by day in their own zone. */
export async function getTimeline(
  deps: CoreDeps,
  ctx: Ctx,
  timeZone: string,
  query: WorklogRangeQuery,
): Promise<WorklogTimeline> {
  const { from, to } = resolveRange(query, timeZone);
  // One row past the limit says the range holds more, so the answer can say so.
  const [entries, done] = await Promise.all([
    entriesInRange(deps.db, ctx.actor.id, from, to),
    completedTasks(deps.db, ctx.actor.id, startOfLocalDay(from, timeZone), endOfLocalDay(to, timeZone), {
      limit: TIMELINE_TASK_LIMIT + 1,
    }),
  ]);
  const tasks = done.slice(0, TIMELINE_TASK_LIMIT);
  const items: TimelineItem[] = [
    ...entries.map((e) => ({ kind: 'entry' as const, date: e.entry.date, entry: toWorklogEntry(e) })),
    ...tasks.map((t) => ({
      kind: 'task' as const,
      date: localDateOf(t.done_at, timeZone),
      task: toCompletedTask(t),
    })),
  ];
  const at = (i: TimelineItem) => (i.kind === 'entry' ? i.entry.createdAt : i.task.doneAt);
  items.sort((a, b) =>
    a.date !== b.date
      ? a.date < b.date
        ? 1
        : -1
      : a.kind !== b.kind
        ? a.kind === 'entry'
          ? -1
          : 1
        : at(b).localeCompare(at(a)),
  );
  return { from, to, items, tasksTruncated: done.length > TIMELINE_TASK_LIMIT };
}
