import type { Velocity } from '@teamflow/contracts/sprints';
import type { DbOrTx } from '@teamflow/db/client';
import { completedSprints, inputsWatermark, stintsOf } from './analytics.repository';
import { cachedSnapshot } from './snapshot-cache';
import { average, velocityOf } from './velocity';

// Velocity is computed over this many sprints and sliced to what the caller asks for.
const VELOCITY_WINDOW = 20;

export async function refreshVelocity(
  db: DbOrTx,
  workspaceId: string,
  projectId: string,
  options: { force?: boolean; writeSnapshotTo?: DbOrTx } = {},
): Promise<Velocity> {
  const recent = await completedSprints(db, projectId, VELOCITY_WINDOW);
  const ids = recent.map((s) => s.id);
  const key = `${await inputsWatermark(db, ids)}|${ids.join(',')}`;
  return cachedSnapshot<Velocity>(
    db,
    options.writeSnapshotTo ?? db,
    { workspaceId, kind: 'velocity', subjectId: projectId },
    key,
    async () => {
      const stints = await stintsOf(db, ids);
      const sprints = recent.map((s) => velocityOf(s, stints.get(s.id) ?? [])).reverse();
      return {
        projectId,
        sprints,
        averageCompletedPoints: average(sprints.map((s) => s.completedPoints)),
        averageCommittedPoints: average(sprints.map((s) => s.committedPoints)),
      };
    },
    options.force ?? false,
  );
}
