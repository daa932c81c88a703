import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { renewWorkspaceAccessStamps } from './access-stamp';
import { softDeleteWorkspace } from './workspaces.repository';

/** Soft delete: the workspace disappears for everyone, and its rows stay for an undo window. */
export async function deleteWorkspace(deps: CoreDeps, ctx: WorkspaceCtx): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await softDeleteWorkspace(tx, ctx.workspaceId);
    await emitEvent(
      tx,
      'WORKSPACE_DELETED',
      { id: ctx.workspaceId },
      {
        workspaceId: ctx.workspaceId,
        entityId: ctx.workspaceId,
        actor: ctx.actor,
        activity: { entityType: 'workspace', action: 'deleted' },
      },
    );
  });
  await renewWorkspaceAccessStamps(deps, ctx.workspaceId);
}
