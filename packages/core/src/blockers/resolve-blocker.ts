import type { Blocker, BlockerResolve } from '@teamflow/contracts/blockers';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { recordBlockerChange } from './blocker-events';
import { toBlockers } from './blocker.mapper';
import { BLOCKER_NEXT } from './blockers.policy';
import { lockBlocker, updateBlocker } from './blockers.repository';

/** Unblocked: open or acknowledged → resolved, with how (a resolved one again → 409). */
export async function resolveBlocker(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  blockerId: string,
  input: BlockerResolve,
): Promise<Blocker> {
  return deps.db.transaction(async (tx) => {
    const row = await lockBlocker(tx, blockerId);
    if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Blocker');
    if (!BLOCKER_NEXT[row.status].includes('resolved')) {
      const [current] = await toBlockers(tx, ctx.workspaceId, [row]);
      throw conflict(`A blocker that is ${row.status} cannot be resolved`, { current });
    }
    const updated = await updateBlocker(tx, blockerId, {
      status: 'resolved',
      resolvedBy: ctx.actor.id,
      resolvedAt: new Date(),
      resolution: input.resolution,
    });
    return recordBlockerChange(tx, ctx.actor, updated, 'resolved', { resolution: input.resolution });
  });
}
