import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { renewWorkspaceAccessStamps } from '../workspaces/access-stamp';
import { softDeleteProject } from './projects.repository';

export async function deleteProject(deps: CoreDeps, ctx: WorkspaceCtx, projectId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const row = await softDeleteProject(tx, projectId);
    if (!row) throw notFound('Project');
    await emitEvent(
      tx,
      'PROJECT_DELETED',
      { id: projectId },
      {
        workspaceId: ctx.workspaceId,
        entityId: projectId,
        actor: ctx.actor,
        version: row.version,
        projectId,
        activity: { entityType: 'project', action: 'deleted' },
      },
    );
  });
  // Cached access to this project ends for every member at once.
  await renewWorkspaceAccessStamps(deps, ctx.workspaceId);
}
