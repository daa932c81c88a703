import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { assertAuthor } from './status-updates.policy';
import { deleteStatusUpdateRow, findStatusUpdate } from './status-updates.repository';

/** The author takes their update back (blockers it opened stay in the register, unlinked). */
export async function deleteStatusUpdate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  statusUpdateId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await findStatusUpdate(tx, statusUpdateId);
    if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Status update');
    assertAuthor(row, ctx.actor.id);
    await deleteStatusUpdateRow(tx, statusUpdateId);
    await emitEvent(
      tx,
      'STATUS_UPDATE_DELETED',
      { id: row.id, userId: row.userId, date: row.date },
      {
        workspaceId: ctx.workspaceId,
        entityId: row.id,
        actor: ctx.actor,
        activity: { entityType: 'status_update', action: 'deleted', changes: { date: row.date } },
      },
    );
  });
}
