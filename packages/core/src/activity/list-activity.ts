import { z } from 'zod';
import type { ActivityPage } from '@teamflow/contracts/activity';
import type { PageQuery } from '@teamflow/contracts/common';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { listActivities, type ActivityRow } from './activity.repository';

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
    createdAt: row.createdAt.toISOString(),
  };
}

/** Newest first, keyset-paginated by (createdAt, id). */
export async function listActivity(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: PageQuery,
  taskId?: string,
): Promise<ActivityPage> {
  let after: { createdAt: string; id: string } | undefined;
  if (query.cursor) {
    const [createdAt, id] = decodeCursor(query.cursor, z.tuple([z.iso.datetime(), z.uuid()]));
    after = { createdAt, id };
  }
  const rows = await listActivities(
    deps.db,
    { workspaceId: ctx.workspaceId, taskId },
    query.limit + 1,
    after,
  );
  const items = rows.slice(0, query.limit).map(toActivity);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
