import type { WorkspaceList } from '@teamflow/contracts/workspaces';
import type { CoreDeps, Ctx } from '../platform/context';
import { listWorkspacesForUser } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

export async function listWorkspaces(deps: CoreDeps, ctx: Ctx): Promise<WorkspaceList> {
  const rows = await listWorkspacesForUser(deps.db, ctx.actor.id);
  return { items: rows.map((r) => toWorkspace(r.workspace, r.role)), nextCursor: null };
}
