import { costMicros } from '@teamflow/ai/costs';
import { AiError, type CallOptions } from '@teamflow/ai/provider';
import type { CoreDeps } from '../platform/context';
import { insertAiUsage } from './ai.repository';
import { isOverBudget, isPersonalOverBudget } from './ai-limits';

/**
 * The budget and the ledger for one AI feature's provider calls: each paid call is refused once
 * the workspace's monthly budget is spent, and every call is recorded in `ai_usage` with its cost
 * under `feature` (what the usage report groups by). A person's own AI (the work log: no
 * workspace) is checked against, and recorded under, that person's own budget instead.
 */
export function meteredCallOptions(
  deps: Pick<CoreDeps, 'db' | 'env'>,
  who:
    | { workspaceId: string; userId?: string | null; jobId?: string | null; feature: string }
    | { workspaceId: null; userId: string; jobId?: null; feature: string },
  prompt: CallOptions['feature'],
): CallOptions {
  return {
    feature: prompt,
    beforeRemoteCall: async () => {
      if (who.workspaceId === null) {
        if (await isPersonalOverBudget(deps, who.userId))
          throw new AiError('AI_BUDGET_EXCEEDED', 'Your monthly AI budget is spent');
      } else if (await isOverBudget(deps, who.workspaceId))
        throw new AiError('AI_BUDGET_EXCEEDED', 'The monthly AI budget of this workspace is spent');
    },
    onCall: (u) =>
      insertAiUsage(deps.db, {
        workspaceId: who.workspaceId,
        userId: who.userId ?? null,
        jobId: who.jobId ?? null,
        feature: who.feature,
        provider: u.provider,
        model: u.model,
        promptTokens: u.promptTokens,
        completionTokens: u.completionTokens,
        costMicros: costMicros(u.provider, u.model, u.promptTokens, u.completionTokens),
      }),
  };
}
