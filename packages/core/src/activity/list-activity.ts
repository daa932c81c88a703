import { z } from 'zod';
import type { ActivityPage, ActivityQuery } from '@teamflow/contracts/activity';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { listActivities, listActivitiesSince, type ActivityRow } from './activity.repository';

// The list's name leads the tuple, so a cursor from another list of the same keys is refused, not
// misread. A workspace's activity and a task's are two lists, as a workspace's labels and a task's are.
const Seq = z.number().int().min(0);
const SINCE_CURSOR = {
  activity: z.tuple([z.literal('activity'), Seq]),
  'task-activity': z.tuple([z.literal('task-activity'), Seq]),
};
const NEWEST_CURSOR = {
  activity: z.tuple([z.literal('activity'), z.iso.datetime({ offset: true }), z.uuid()]),
  'task-activity': z.tuple([z.literal('task-activity'), z.iso.datetime({ offset: true }), z.uuid()]),
};
const listName = (taskId: string | undefined): keyof typeof NEWEST_CURSOR =>
  taskId ? 'task-activity' : 'activity';

function toActivity(row: ActivityRow): ActivityPage['items'][number] {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    projectId: row.projectId,
    taskId: row.taskId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    changes: row.changes,
    actor: row.actorId ? { id: row.actorId, name: row.actorName ?? 'Former member' } : null,
    seq: row.eventSeq,
    createdAt: row.createdAt.toISOString(),
  };
}

/** With `since`: what was published after that seq, oldest first; the cursor carries the last seq. */
async function listSince(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: ActivityQuery & { since: number },
  taskId?: string,
): Promise<ActivityPage> {
  const name = listName(taskId);
  const since = query.cursor ? decodeCursor(query.cursor, SINCE_CURSOR[name])[1] : query.since;
  const rows = await listActivitiesSince(
    deps.db,
    { workspaceId: ctx.workspaceId, taskId },
    since,
    query.limit + 1,
  );
  // Every row read here has a seq (`event_seq > since`): the cursor is the last one's.
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [name, last.eventSeq]);
  return { items: page.map(toActivity), nextCursor };
}

/** Newest first, keyset-paginated by (createdAt, id); or, with `since`, missed changes in seq order. */
export async function listActivity(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: ActivityQuery,
  taskId?: string,
): Promise<ActivityPage> {
  if (query.since !== undefined) return listSince(deps, ctx, { ...query, since: query.since }, taskId);
  const name = listName(taskId);
  let after: { createdAt: string; id: string } | undefined;
  if (query.cursor) {
    const [, createdAt, id] = decodeCursor(query.cursor, NEWEST_CURSOR[name]);
    after = { createdAt, id };
  }
  const rows = await listActivities(
    deps.db,
    { workspaceId: ctx.workspaceId, taskId },
    query.limit + 1,
    after,
  );
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [name, last.cursorAt, last.id]);
  return { items: page.map(toActivity), nextCursor };
}
