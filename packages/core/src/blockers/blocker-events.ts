import type { ActivityAction, ActivityChanges } from '@teamflow/contracts/activity';
import type { Blocker } from '@teamflow/contracts/blockers';
import type { DbOrTx } from '@teamflow/db/client';
import { activity, emitEvent, type ActivityChangesWithout } from '../events/emit-event';
import type { Actor } from '../platform/context';
import { toBlockers } from './blocker.mapper';
import type { BlockerRow } from './blockers.repository';

/** Maps the blocker as it now is and records the change with a BLOCKER_UPDATED event (same transaction). */
export async function recordBlockerChange<A extends ActivityAction<'blocker'>>(
  tx: DbOrTx,
  actor: Actor | null,
  row: BlockerRow,
  action: A,
  changes: ActivityChangesWithout<'blocker', A, 'title'>,
): Promise<Blocker> {
  const [blocker] = await toBlockers(tx, row.workspaceId, [row]);
  // With the title it leaves out, `changes` is the entry's shape.
  const entry = { title: row.title, ...changes } as ActivityChanges<'blocker', A>;
  await emitEvent(tx, 'BLOCKER_UPDATED', blocker!, {
    workspaceId: row.workspaceId,
    entityId: row.id,
    actor,
    taskId: row.taskId,
    activity: activity('blocker', action, entry),
  });
  return blocker!;
}
