import type { ProjectList } from '@teamflow/contracts/projects';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toProject } from './project.mapper';
import { listProjectRows } from './projects.repository';

export async function listProjects(deps: CoreDeps, ctx: WorkspaceCtx): Promise<ProjectList> {
  return { items: (await listProjectRows(deps.db, ctx.workspaceId)).map(toProject), nextCursor: null };
}
