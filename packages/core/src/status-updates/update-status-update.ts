import type { StatusUpdate, StatusUpdateUpdate } from '@teamflow/contracts/status-updates';
import { checkTaskLinks } from '../async-links/linked-refs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { recordStatusUpdateChange } from './status-update-events';
import { loadStatusUpdateRefs, toStatusUpdate } from './status-update.mapper';
import { assertAuthor } from './status-updates.policy';
import { findStatusUpdate, updateStatusUpdateIfVersion } from './status-updates.repository';

/** The author edits their update with the version they saw (stale → 409 with the current one). */
export async function updateStatusUpdate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  statusUpdateId: string,
  input: StatusUpdateUpdate,
): Promise<StatusUpdate> {
  return deps.db.transaction(async (tx) => {
    const before = await findStatusUpdate(tx, statusUpdateId);
    if (!before || before.workspaceId !== ctx.workspaceId) throw notFound('Status update');
    assertAuthor(before, ctx.actor.id);
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);
    const { version, ...values } = input;
    const row = await updateStatusUpdateIfVersion(tx, statusUpdateId, version, values);
    if (!row) {
      const current = (await findStatusUpdate(tx, statusUpdateId))!;
      throw conflict('The update was changed elsewhere', {
        current: toStatusUpdate(
          current,
          await loadStatusUpdateRefs(tx, ctx.workspaceId, [current]),
          ctx.actor.id,
        ),
      });
    }
    await recordStatusUpdateChange(tx, ctx, row, 'STATUS_UPDATE_UPDATED');
    return toStatusUpdate(row, await loadStatusUpdateRefs(tx, ctx.workspaceId, [row]), ctx.actor.id);
  });
}
