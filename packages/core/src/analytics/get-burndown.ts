import type { Burndown } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { refreshBurndown } from './refresh-burndown';

/** Read from the replica unless the caller's own write is not there yet; a new snapshot is stored on the primary. */
export async function getBurndown(deps: CoreDeps, ctx: WorkspaceCtx, sprintId: string): Promise<Burndown> {
  return deps.reads.read(ctx.actor.id, (db) => refreshBurndown(db, sprintId, { writeSnapshotTo: deps.db }));
}
