import { recordChange } from '../activity/activity.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { softDeleteWorkspace } from './workspaces.repository';

/** Soft delete: the workspace disappears for everyone, and its rows stay for an undo window. */
export async function deleteWorkspace(deps: CoreDeps, ctx: WorkspaceCtx): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await softDeleteWorkspace(tx, ctx.workspaceId);
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      entityType: 'workspace',
      entityId: ctx.workspaceId,
      action: 'deleted',
      actor: ctx.actor,
      event: { type: 'WORKSPACE_UPDATED', data: { id: ctx.workspaceId, deleted: true } },
    });
  });
}
