import type { Decision } from '@teamflow/contracts/decisions';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import type { Actor } from '../platform/context';
import { toDecisions } from './decision.mapper';
import type { DecisionRow } from './decisions.repository';

/** Records a change with a DECISION_UPDATED event (same transaction). */
export async function recordDecisionChange(
  tx: DbOrTx,
  actor: Actor,
  row: DecisionRow,
  action: string,
  changes: Record<string, unknown>,
): Promise<Decision> {
  const [decision] = await toDecisions(tx, row.workspaceId, [row]);
  await emitEvent(tx, 'DECISION_UPDATED', decision!, {
    workspaceId: row.workspaceId,
    entityId: row.id,
    actor,
    version: row.version,
    activity: { entityType: 'decision', action, changes: { key: decision!.key, ...changes } },
  });
  return decision!;
}
