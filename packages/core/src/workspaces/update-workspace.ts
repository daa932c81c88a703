import type { Workspace, WorkspaceUpdate } from '@teamflow/contracts/workspaces';
import { recordChange } from '../activity/activity.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { slugTakenByOther, updateWorkspaceRow } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

export async function updateWorkspace(deps: CoreDeps, ctx: WorkspaceCtx, input: WorkspaceUpdate): Promise<Workspace> {
  return deps.db.transaction(async (tx) => {
    if (input.slug !== undefined && (await slugTakenByOther(tx, input.slug, ctx.workspaceId))) {
      throw conflict('This workspace URL is already taken', [{ field: 'slug', message: 'Already taken' }]);
    }
    const row = await updateWorkspaceRow(tx, ctx.workspaceId, { name: input.name, slug: input.slug });
    if (!row) throw notFound('Workspace');
    await recordChange(tx, {
      workspaceId: row.id,
      entityType: 'workspace',
      entityId: row.id,
      action: 'updated',
      changes: { ...input },
      actor: ctx.actor,
      event: { type: 'WORKSPACE_UPDATED', data: { id: row.id, name: row.name, slug: row.slug } },
    });
    return toWorkspace(row, ctx.role);
  });
}
