import type { Project, ProjectList } from '@teamflow/contracts/projects';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toProject } from './project.mapper';
import { findProject, listProjectRows } from './projects.repository';

export async function listProjects(deps: CoreDeps, ctx: WorkspaceCtx): Promise<ProjectList> {
  return { items: (await listProjectRows(deps.db, ctx.workspaceId)).map(toProject) };
}

export async function getProject(deps: CoreDeps, _ctx: WorkspaceCtx, projectId: string): Promise<Project> {
  const row = await findProject(deps.db, projectId);
  if (!row) throw notFound('Project');
  return toProject(row);
}
