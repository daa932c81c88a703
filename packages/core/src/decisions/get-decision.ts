import type { DecisionDetail } from '@teamflow/contracts/decisions';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toDecisionDetail } from './decision.mapper';
import { findDecision } from './decisions.repository';

export async function getDecision(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  decisionId: string,
): Promise<DecisionDetail> {
  const row = await findDecision(deps.db, decisionId);
  if (!row || row.workspaceId !== ctx.workspaceId) throw notFound('Decision');
  return toDecisionDetail(deps.db, row);
}
