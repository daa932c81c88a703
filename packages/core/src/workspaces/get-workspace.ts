import type { Workspace } from '@teamflow/contracts/workspaces';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findWorkspace } from './workspaces.repository';
import { toWorkspace } from './workspace.mapper';

export async function getWorkspace(deps: CoreDeps, ctx: WorkspaceCtx): Promise<Workspace> {
  const row = await findWorkspace(deps.db, ctx.workspaceId);
  if (!row) throw notFound('Workspace');
  return toWorkspace(row, ctx.role);
}
