import { randomBytes } from 'node:crypto';
import type { Workspace, WorkspaceCreate } from '@teamflow/contracts/workspaces';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, Ctx } from '../platform/context';
import { conflict } from '../platform/errors';
import { insertMember, insertWorkspace } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return base.length >= 2 ? base : `ws-${base}`.replace(/-$/, '');
}

/** Creates a workspace with the caller as its owner. A derived slug gets a suffix if taken; a chosen one is a 409. */
export async function createWorkspace(deps: CoreDeps, ctx: Ctx, input: WorkspaceCreate): Promise<Workspace> {
  const chosen = input.slug !== undefined;
  const base = input.slug ?? slugify(input.name);
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    const created = await deps.db.transaction(async (tx) => {
      const row = await insertWorkspace(tx, {
        name: input.name,
        slug,
        createdBy: ctx.actor.id,
        timeZone: input.timeZone,
      });
      if (!row) return undefined;
      await insertMember(tx, { workspaceId: row.id, userId: ctx.actor.id, role: 'owner' });
      await emitEvent(
        tx,
        'WORKSPACE_CREATED',
        { id: row.id, name: row.name, slug: row.slug },
        {
          workspaceId: row.id,
          entityId: row.id,
          actor: ctx.actor,
          activity: {
            entityType: 'workspace',
            action: 'created',
            changes: { name: row.name, slug: row.slug },
          },
        },
      );
      return row;
    });
    if (created) return toWorkspace(created, 'owner');
    if (chosen) break;
  }
  throw conflict('This workspace URL is already taken', [{ field: 'slug', message: 'Already taken' }]);
}
