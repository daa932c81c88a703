import type { DecisionCreate, DecisionDetail } from '@teamflow/contracts/decisions';
import { DecisionCreate as DecisionCreateSchema } from '@teamflow/contracts/decisions';
import { checkMembers, checkTaskLinks } from '../async-links/linked-refs';
import { nextWorkspaceNumber } from '../async-links/links.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid } from '../platform/errors';
import { recordDecisionChange } from './decision-events';
import { decisionKey, toDecisionDetail } from './decision.mapper';
import { insertDecision, lockDecision, updateDecisionIfVersion } from './decisions.repository';

/**
 * Records a decision (`DEC-n`). With `supersedesId`, the accepted decision it replaces becomes
 * `superseded` (with `supersededById`) in this same transaction: both change or neither does.
 */
export async function createDecision(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  raw: DecisionCreate,
): Promise<DecisionDetail> {
  const input = DecisionCreateSchema.parse(raw);
  return deps.db.transaction(async (tx) => {
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);
    await checkMembers(tx, ctx.workspaceId, input.deciderIds ?? [], 'deciderIds');
    const old = input.supersedesId ? await lockDecision(tx, input.supersedesId) : undefined;
    if (input.supersedesId && (!old || old.workspaceId !== ctx.workspaceId)) {
      throw invalid([{ field: 'supersedesId', message: 'Name a decision of this workspace' }]);
    }
    if (old && old.status !== 'accepted') {
      throw conflict(
        `Only an accepted decision can be superseded; ${decisionKey(old.number)} is ${old.status}`,
        {
          current: await toDecisionDetail(tx, old),
        },
      );
    }
    const number = await nextWorkspaceNumber(tx, ctx.workspaceId, 'decisions');
    const now = new Date();
    const row = await insertDecision(tx, {
      workspaceId: ctx.workspaceId,
      number,
      title: input.title,
      context: input.context,
      decision: input.decision,
      alternatives: input.alternatives,
      consequences: input.consequences || null,
      status: input.status,
      deciderIds: input.deciderIds ?? [],
      taskIds: input.taskIds ?? [],
      supersedesId: old?.id ?? null,
      createdBy: ctx.actor.id,
      acceptedAt: input.status === 'accepted' ? now : null,
    });
    if (old) {
      const superseded = await updateDecisionIfVersion(tx, old.id, null, {
        status: 'superseded',
        supersededById: row.id,
      });
      await recordDecisionChange(tx, ctx.actor, superseded!, 'superseded', { by: decisionKey(number) });
    }
    await recordDecisionChange(tx, ctx.actor, row, input.status === 'accepted' ? 'accepted' : 'proposed', {
      status: row.status,
      ...(old ? { supersedes: decisionKey(old.number) } : {}),
    });
    return toDecisionDetail(tx, row);
  });
}
