import type { Blocker } from '@teamflow/contracts/blockers';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import type { Actor } from '../platform/context';
import { toBlockers } from './blocker.mapper';
import type { BlockerRow } from './blockers.repository';

/** Maps the blocker as it now is and records the change with a BLOCKER_UPDATED event (same transaction). */
export async function recordBlockerChange(
  tx: DbOrTx,
  actor: Actor | null,
  row: BlockerRow,
  action: 'opened' | 'acknowledged' | 'resolved' | 'escalated',
  changes: Record<string, unknown> = {},
): Promise<Blocker> {
  const [blocker] = await toBlockers(tx, row.workspaceId, [row]);
  await emitEvent(tx, 'BLOCKER_UPDATED', blocker!, {
    workspaceId: row.workspaceId,
    entityId: row.id,
    actor,
    taskId: row.taskId,
    activity: { entityType: 'blocker', action, changes: { title: row.title, ...changes } },
  });
  return blocker!;
}
