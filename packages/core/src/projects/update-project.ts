import type { Project, ProjectUpdate } from '@teamflow/contracts/projects';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { rezoneProjectSeries } from '../recurrence/rezone-project-series';
import { toProject } from './project.mapper';
import { findProject, updateProjectIfVersion } from './projects.repository';

/**
 * A stale `version` is a 409 carrying the current project, so the client can merge instead of
 * overwrite. A new `timeZone` (null: the workspace's) re-times the project's active series.
 */
export async function updateProject(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: ProjectUpdate,
): Promise<Project> {
  return deps.db.transaction(async (tx) => {
    const { version, ...fields } = input;
    const values = {
      name: fields.name,
      description: fields.description == null ? fields.description : sanitizeMarkdown(fields.description),
      timeZone: fields.timeZone,
    };
    const row = await updateProjectIfVersion(tx, projectId, version, values);
    if (!row) {
      const current = await findProject(tx, projectId);
      if (!current) throw notFound('Project');
      throw conflict('The project was changed by someone else', { current: toProject(current) });
    }
    const project = toProject(row);
    if (fields.timeZone !== undefined) await rezoneProjectSeries(tx, projectId, row.timeZone ?? ctx.timeZone);
    await emitEvent(tx, 'PROJECT_UPDATED', project, {
      workspaceId: ctx.workspaceId,
      entityId: projectId,
      actor: ctx.actor,
      version: row.version,
      projectId,
      activity: { entityType: 'project', action: 'updated', changes: fields },
    });
    return project;
  });
}
