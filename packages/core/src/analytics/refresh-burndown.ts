import type { Burndown } from '@teamflow/contracts/sprints';
import type { DbOrTx } from '@teamflow/db/client';
import { notFound } from '../platform/errors';
import { findSprintTimes, inputsWatermark, stintsOf } from './analytics.repository';
import { computeBurndown, dayOf } from './burndown';
import { cachedSnapshot } from './snapshot-cache';

export async function refreshBurndown(
  db: DbOrTx,
  sprintId: string,
  options: { force?: boolean; now?: Date; writeSnapshotTo?: DbOrTx } = {},
): Promise<Burndown> {
  const now = options.now ?? new Date();
  const sprint = await findSprintTimes(db, sprintId);
  if (!sprint) throw notFound('Sprint');
  // A running sprint's chart moves on at midnight even when nothing changes.
  const key = `${await inputsWatermark(db, [sprintId])}|${sprint.state === 'completed' ? '' : dayOf(now)}`;
  return cachedSnapshot<Burndown>(
    db,
    options.writeSnapshotTo ?? db,
    { workspaceId: sprint.workspaceId, kind: 'burndown', subjectId: sprintId },
    key,
    async () => computeBurndown(sprint, (await stintsOf(db, [sprintId])).get(sprintId) ?? [], now),
    options.force ?? false,
  );
}
