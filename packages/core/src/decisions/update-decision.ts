import type { DecisionDetail, DecisionUpdate } from '@teamflow/contracts/decisions';
import { checkMembers, checkTaskLinks } from '../async-links/linked-refs';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { recordDecisionChange } from './decision-events';
import { toDecisionDetail } from './decision.mapper';
import { DECISION_NEXT } from './decisions.policy';
import { lockDecision, updateDecisionIfVersion } from './decisions.repository';

/** Edits a decision with the version last seen; status changes follow DECISION_NEXT (else 409). */
export async function updateDecision(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  decisionId: string,
  input: DecisionUpdate,
): Promise<DecisionDetail> {
  return deps.db.transaction(async (tx) => {
    const before = await lockDecision(tx, decisionId);
    if (!before || before.workspaceId !== ctx.workspaceId) throw notFound('Decision');
    if (before.version !== input.version) {
      throw conflict('The decision was changed by someone else', {
        current: await toDecisionDetail(tx, before),
      });
    }
    if (input.status !== undefined && !DECISION_NEXT[before.status].includes(input.status)) {
      throw conflict(`The decision is ${before.status}: it cannot become ${input.status}`, {
        current: await toDecisionDetail(tx, before),
      });
    }
    await checkTaskLinks(tx, ctx.workspaceId, input.taskIds);
    await checkMembers(tx, ctx.workspaceId, input.deciderIds ?? [], 'deciderIds');
    const { version, ...values } = input;
    const row = await updateDecisionIfVersion(tx, decisionId, version, {
      ...values,
      consequences: values.consequences === undefined ? undefined : values.consequences || null,
      ...(input.status === 'accepted' ? { acceptedAt: new Date() } : {}),
    });
    if (!row)
      throw conflict('The decision was changed by someone else', {
        current: await toDecisionDetail(tx, before),
      });
    const { version: _v, ...changes } = input;
    await recordDecisionChange(tx, ctx.actor, row, input.status ?? 'updated', changes);
    return toDecisionDetail(tx, row);
  });
}
