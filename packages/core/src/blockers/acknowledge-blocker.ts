import type { Blocker, BlockerAcknowledge } from '@teamflow/contracts/blockers';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { recordBlockerChange } from './blocker-events';
import { toBlockers } from './blocker.mapper';
import { assertMayAcknowledge, BLOCKER_NEXT } from './blockers.policy';
import { lockBlocker, updateBlocker } from './blockers.repository';

/** Someone other than the reporter has seen it and is on it: open → acknowledged (else 409). */
export async function acknowledgeBlocker(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  blockerId: string,
  input: BlockerAcknowledge,
): Promise<Blocker> {
  return deps.db.transaction(async (tx) => {
    const row = await lockBlocker(tx, blockerId);
    if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Blocker');
    assertMayAcknowledge(row, ctx.actor.id);
    if (!BLOCKER_NEXT[row.status].includes('acknowledged')) {
      const [current] = await toBlockers(tx, ctx.workspaceId, [row]);
      throw conflict(`A blocker that is ${row.status} cannot be acknowledged`, { current });
    }
    const updated = await updateBlocker(tx, blockerId, {
      status: 'acknowledged',
      acknowledgedBy: ctx.actor.id,
      acknowledgedAt: new Date(),
      acknowledgeNote: input.note || null,
    });
    return recordBlockerChange(tx, ctx.actor, updated, 'acknowledged', { note: input.note ?? null });
  });
}
