import type { Sprint, SprintCreate } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { insertSprint } from './sprints.repository';
import { recordSprintChange } from './sprint-events';

/** A new sprint starts out planned; tasks are added to it before it starts (or after). */
export async function createSprint(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  input: SprintCreate,
): Promise<Sprint> {
  return deps.db.transaction(async (tx) => {
    const project = await findProject(tx, projectId);
    if (!project) throw notFound('Project');
    const row = await insertSprint(tx, {
      workspaceId: ctx.workspaceId,
      projectId,
      name: input.name,
      goal: input.goal || null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      createdBy: ctx.actor.id,
    });
    return recordSprintChange(tx, ctx, row.id, 'created', { name: row.name });
  });
}
