import type { AiBudgetUpdate, AiUsageReport } from '@teamflow/contracts/ai';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { upsertBudget } from './ai.repository';
import { getAiUsage } from './get-ai-usage';

/** The owner sets the workspace's monthly AI budget; answers with the usage report. */
export async function setAiBudget(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  body: AiBudgetUpdate,
): Promise<AiUsageReport> {
  await upsertBudget(deps.db, ctx.workspaceId, Math.round(body.monthlyBudgetUsd * 1_000_000));
  ctx.logger.info('ai budget set', { workspaceId: ctx.workspaceId, monthlyBudgetUsd: body.monthlyBudgetUsd });
  return getAiUsage(deps, ctx);
}
