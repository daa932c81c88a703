import type { Blocker } from '@teamflow/contracts/blockers';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toBlockers } from './blocker.mapper';
import { findBlocker } from './blockers.repository';

export async function getBlocker(deps: CoreDeps, ctx: WorkspaceCtx, blockerId: string): Promise<Blocker> {
  const row = await findBlocker(deps.db, blockerId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Blocker');
  const [blocker] = await toBlockers(deps.db, ctx.workspaceId, [row]);
  return blocker!;
}
