import type { SprintList } from '@teamflow/contracts/sprints';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findProject } from '../projects/projects.repository';
import { toSprint } from './sprint.mapper';
import { listSprintRecords } from './sprints.repository';

export async function listSprints(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  projectId: string,
): Promise<SprintList> {
  const project = await findProject(deps.db, projectId);
  if (!project) throw notFound('Project');
  return { items: (await listSprintRecords(deps.db, projectId)).map(toSprint), nextCursor: null };
}
