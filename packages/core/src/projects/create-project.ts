import type { Project, ProjectCreate } from '@teamflow/contracts/projects';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { toProject } from './project.mapper';
import { insertProject } from './projects.repository';

/** "Mobile App" → "MA", "teamflow" → "TEA": a readable default key. */
export function deriveProjectKey(name: string): string {
  const words = name
    .toUpperCase()
    .replace(/[^A-Z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let key = words.length > 1 ? words.map((w) => w[0]).join('') : (words[0] ?? '').slice(0, 3);
  key = key.replace(/^[0-9]+/, '').slice(0, 10);
  return key.length >= 2 ? key : `P${key || 'R'}`.slice(0, 10);
}

export async function createProject(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: ProjectCreate,
): Promise<Project> {
  const key = input.key ?? deriveProjectKey(input.name);
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertProject(tx, {
      workspaceId: ctx.workspaceId,
      key,
      name: input.name,
      description: input.description === undefined ? null : sanitizeMarkdown(input.description),
      createdBy: ctx.actor.id,
    });
    if (!created) return undefined;
    const project = toProject(created);
    await emitEvent(tx, 'PROJECT_CREATED', project, {
      workspaceId: ctx.workspaceId,
      entityId: created.id,
      actor: ctx.actor,
      version: created.version,
      projectId: created.id,
      activity: {
        entityType: 'project',
        action: 'created',
        changes: { name: created.name, key: created.key },
      },
    });
    return project;
  });
  if (!row)
    throw conflict(`A project with key ${key} already exists`, [{ field: 'key', message: 'Already taken' }]);
  return row;
}
