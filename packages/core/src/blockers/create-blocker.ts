import type { Blocker, BlockerCreate } from '@teamflow/contracts/blockers';
import { checkTaskLinks } from '../async-links/linked-refs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { recordBlockerChange } from './blocker-events';
import { insertBlockers } from './blockers.repository';

/** Raises a blocker in the register (status `open`, escalation level 0). */
export async function createBlocker(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: BlockerCreate,
): Promise<Blocker> {
  return deps.db.transaction(async (tx) => {
    await checkTaskLinks(tx, ctx.workspaceId, input.taskId ? [input.taskId] : [], 'taskId');
    const [row] = await insertBlockers(tx, [
      {
        workspaceId: ctx.workspaceId,
        title: input.title,
        description: input.description || null,
        taskId: input.taskId ?? null,
        severity: input.severity ?? 'medium',
        reportedBy: ctx.actor.id,
      },
    ]);
    return recordBlockerChange(tx, ctx.actor, row!, 'opened', { severity: row!.severity });
  });
}
