import type { PublicStatusUpdate } from '@teamflow/contracts/status-updates';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import type { WorkspaceCtx } from '../platform/context';
import { loadStatusUpdateRefs, toPublicStatusUpdate } from './status-update.mapper';
import type { StatusUpdateRow } from './status-updates.repository';

/** Records a posted or edited update: the event carries it without the mood (everyone hears it). */
export async function recordStatusUpdateChange(
  tx: DbOrTx,
  ctx: WorkspaceCtx,
  row: StatusUpdateRow,
  type: 'STATUS_UPDATE_POSTED' | 'STATUS_UPDATE_UPDATED',
): Promise<PublicStatusUpdate> {
  const update = toPublicStatusUpdate(row, await loadStatusUpdateRefs(tx, ctx.workspaceId, [row]));
  await emitEvent(tx, type, update, {
    workspaceId: ctx.workspaceId,
    entityId: row.id,
    actor: ctx.actor,
    version: row.version,
    activity: {
      entityType: 'status_update',
      action: type === 'STATUS_UPDATE_POSTED' ? 'posted' : 'updated',
      changes: { date: row.date },
    },
  });
  return update;
}
