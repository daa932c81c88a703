import type { PublicStatusUpdate, StatusUpdate } from '@teamflow/contracts/status-updates';
import type { DbOrTx } from '@teamflow/db/client';
import { loadRefs, type Refs } from '../async-links/linked-refs';
import type { StatusUpdateRow } from './status-updates.repository';

/** What anyone may see: never the mood. */
export function toPublicStatusUpdate(row: StatusUpdateRow, refs: Refs): PublicStatusUpdate {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    userId: row.userId,
    user: refs.person(row.userId),
    date: row.date,
    done: row.done,
    doing: row.doing,
    blockers: row.blockers,
    taskIds: row.taskIds,
    tasks: refs.tasks(row.taskIds),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** As `viewerId` may see it: the mood only on their own update (privacy is decided here, once). */
export function toStatusUpdate(row: StatusUpdateRow, refs: Refs, viewerId: string): StatusUpdate {
  const update = toPublicStatusUpdate(row, refs);
  return row.userId === viewerId ? { ...update, mood: row.mood } : update;
}

export async function loadStatusUpdateRefs(db: DbOrTx, workspaceId: string, rows: StatusUpdateRow[]) {
  return loadRefs(
    db,
    workspaceId,
    rows.map((r) => r.userId),
    rows.flatMap((r) => r.taskIds),
  );
}
