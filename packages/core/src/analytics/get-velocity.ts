import type { Velocity } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { refreshVelocity } from './refresh-velocity';
import { average } from './velocity';

/**
 * The last `count` completed sprints (oldest first) and their averages. Read from the replica
 * unless the caller's own write is not there yet; a new snapshot is stored on the primary.
 */
export async function getVelocity(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  count: number,
): Promise<Velocity> {
  const full = await deps.reads.read(ctx.actor.id, (db) =>
    refreshVelocity(db, ctx.workspaceId, projectId, { writeSnapshotTo: deps.db }),
  );
  const sprints = full.sprints.slice(-count);
  return {
    ...full,
    sprints,
    averageCompletedPoints: average(sprints.map((s) => s.completedPoints)),
    averageCommittedPoints: average(sprints.map((s) => s.committedPoints)),
  };
}
