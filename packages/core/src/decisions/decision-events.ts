import type { ActivityAction, ActivityChanges } from '@teamflow/contracts/activity';
import type { Decision } from '@teamflow/contracts/decisions';
import type { DbOrTx } from '@teamflow/db/client';
import { activity, emitEvent, type ActivityChangesWithout } from '../events/emit-event';
import type { Actor } from '../platform/context';
import { toDecisions } from './decision.mapper';
import type { DecisionRow } from './decisions.repository';

/** Records a change with a DECISION_UPDATED event (same transaction). */
export async function recordDecisionChange<A extends ActivityAction<'decision'>>(
  tx: DbOrTx,
  actor: Actor,
  row: DecisionRow,
  action: A,
  changes: ActivityChangesWithout<'decision', A, 'key'>,
): Promise<Decision> {
  const [decision] = await toDecisions(tx, row.workspaceId, [row]);
  // With the key it leaves out, `changes` is the entry's shape.
  const entry = { key: decision!.key, ...changes } as ActivityChanges<'decision', A>;
  await emitEvent(tx, 'DECISION_UPDATED', decision!, {
    workspaceId: row.workspaceId,
    entityId: row.id,
    actor,
    version: row.version,
    activity: activity('decision', action, entry),
  });
  return decision!;
}
