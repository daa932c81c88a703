import { primarySource } from '@teamflow/ai/ai-chain';
import type { AiUsageReport } from '@teamflow/contracts/ai';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { usageSince, type UsageGroup } from './ai.repository';
import { budgetMicros, monthStart, usd } from './ai-limits';

function line(groups: UsageGroup[]) {
  const sum = (k: 'calls' | 'cachedCalls' | 'promptTokens' | 'completionTokens' | 'costMicros') =>
    groups.reduce((s, g) => s + g[k], 0);
  return {
    calls: sum('calls'),
    cachedCalls: sum('cachedCalls'),
    promptTokens: sum('promptTokens'),
    completionTokens: sum('completionTokens'),
    costUsd: usd(sum('costMicros')),
  };
}

function groupBy<K extends string>(groups: UsageGroup[], key: (g: UsageGroup) => K): Map<K, UsageGroup[]> {
  const out = new Map<K, UsageGroup[]>();
  for (const g of groups) out.set(key(g), [...(out.get(key(g)) ?? []), g]);
  return out;
}

/** This month's AI tokens and cost against the budget, by provider/model and by feature. */
export async function getAiUsage(deps: CoreDeps, ctx: WorkspaceCtx): Promise<AiUsageReport> {
  const since = monthStart();
  const [groups, budget] = await Promise.all([
    usageSince(deps.db, ctx.workspaceId, since),
    budgetMicros(deps, ctx.workspaceId),
  ]);
  const totals = line(groups);
  return {
    month: since.toISOString().slice(0, 7),
    budgetUsd: usd(budget),
    spentUsd: totals.costUsd,
    remainingUsd: Math.max(0, usd(budget) - totals.costUsd),
    overBudget: totals.costUsd * 1_000_000 >= budget,
    provider: primarySource(deps.env),
    totals,
    byProvider: [...groupBy(groups, (g) => `${g.provider}\u0000${g.model}`).values()].map((gs) => ({
      provider: gs[0]!.provider,
      model: gs[0]!.model,
      ...line(gs),
    })),
    byFeature: [...groupBy(groups, (g) => g.feature).entries()].map(([feature, gs]) => ({
      feature,
      ...line(gs),
    })),
  };
}
