import type { Burndown } from '@teamflow/contracts/sprints';
import { AppError } from '../platform/errors';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { refreshBurndown } from './refresh-burndown';

/** Read from the replica unless the caller's own write is not there yet; a new snapshot is stored on the primary. */
export async function getBurndown(deps: CoreDeps, ctx: WorkspaceCtx, sprintId: string): Promise<Burndown> {
  const burndown = (db: CoreDeps['db']) => refreshBurndown(db, sprintId, { writeSnapshotTo: deps.db });
  try {
    return await deps.reads.read(ctx.actor.id, burndown);
  } catch (error) {
    // The guard found the sprint on the primary: a replica without it has not replayed a sprint
    // someone else just created.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return burndown(deps.db);
    throw error;
  }
}
