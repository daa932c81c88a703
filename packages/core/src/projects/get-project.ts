import type { Project } from '@teamflow/contracts/projects';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toProject } from './project.mapper';
import { findProject } from './projects.repository';

export async function getProject(deps: CoreDeps, _ctx: WorkspaceCtx, projectId: string): Promise<Project> {
  const row = await findProject(deps.db, projectId);
  if (!row) throw notFound('Project');
  return toProject(row);
}
