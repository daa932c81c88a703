import type { Sprint, SprintCreate, SprintList } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { toSprint } from './sprint.mapper';
import { findSprintRecord, insertSprint, listSprintRecords } from './sprints.repository';
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

export async function listSprints(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  projectId: string,
): Promise<SprintList> {
  const project = await findProject(deps.db, projectId);
  if (!project) throw notFound('Project');
  return { items: (await listSprintRecords(deps.db, projectId)).map(toSprint) };
}

export async function getSprint(deps: CoreDeps, _ctx: WorkspaceCtx, sprintId: string): Promise<Sprint> {
  const row = await findSprintRecord(deps.db, sprintId);
  if (!row) throw notFound('Sprint');
  return toSprint(row);
}
