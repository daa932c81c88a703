import type { Workspace, WorkspaceUpdate } from '@teamflow/contracts/workspaces';
import { renewWorkspaceAccessStamps } from './access-stamp';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { slugTakenByOther, updateWorkspaceRow } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

const slugTaken = () =>
  conflict('This workspace URL is already taken', [{ field: 'slug', message: 'Already taken' }]);

/** The unique index on slug refused the write (a concurrent rename took the slug after our check). */
function isSlugTakenError(error: unknown): boolean {
  const pg = ((error as { cause?: unknown } | null)?.cause ?? error) as {
    code?: string;
    constraint?: string;
  };
  return pg.code === '23505' && pg.constraint === 'workspaces_slug_key';
}

export async function updateWorkspace(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: WorkspaceUpdate,
): Promise<Workspace> {
  try {
    const workspace = await updateInTransaction(deps, ctx, input);
    // Cached memberships carry the workspace's time zone.
    if (input.timeZone !== undefined) await renewWorkspaceAccessStamps(deps, ctx.workspaceId);
    return workspace;
  } catch (error) {
    if (isSlugTakenError(error)) throw slugTaken();
    throw error;
  }
}

async function updateInTransaction(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: WorkspaceUpdate,
): Promise<Workspace> {
  return deps.db.transaction(async (tx) => {
    if (input.slug !== undefined && (await slugTakenByOther(tx, input.slug, ctx.workspaceId)))
      throw slugTaken();
    const row = await updateWorkspaceRow(tx, ctx.workspaceId, {
      name: input.name,
      slug: input.slug,
      timeZone: input.timeZone,
    });
    if (!row) throw notFound('Workspace');
    await emitEvent(
      tx,
      'WORKSPACE_UPDATED',
      { id: row.id, name: row.name, slug: row.slug },
      {
        workspaceId: row.id,
        entityId: row.id,
        actor: ctx.actor,
        activity: { entityType: 'workspace', action: 'updated', changes: { ...input } },
      },
    );
    return toWorkspace(row, ctx.role);
  });
}
