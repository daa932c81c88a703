import type { CoreDeps } from '../platform/context';
import { AppError } from '../platform/errors';
import { hitLimit, rateLimitHeaders, type LimitHit } from '../platform/rate-limits';
import { findBudgetMicros, spentSince } from './ai.repository';

export const monthStart = (now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
export const usd = (micros: number) => Math.round(micros) / 1_000_000;

/** The workspace's monthly budget in micro-dollars: the owner's, or the configured default. */
export async function budgetMicros(deps: Pick<CoreDeps, 'db' | 'env'>, workspaceId: string): Promise<number> {
  return (
    (await findBudgetMicros(deps.db, workspaceId)) ?? Math.round(deps.env.AI_MONTHLY_BUDGET_USD * 1_000_000)
  );
}

export async function isOverBudget(
  deps: Pick<CoreDeps, 'db' | 'env'>,
  workspaceId: string,
): Promise<boolean> {
  const [budget, spent] = await Promise.all([
    budgetMicros(deps, workspaceId),
    spentSince(deps.db, workspaceId, monthStart()),
  ]);
  return spent >= budget;
}

export const budgetExceeded = () =>
  new AppError(
    'AI_BUDGET_EXCEEDED',
    'This workspace has used its AI budget for the month. The local model still works; the owner can raise the budget.',
  );

/**
 * RATE_LIMIT_AI_PER_HOUR per workspace, shared by every api instance. If Redis is away the limit
 * steps aside (logged), like the request limiter.
 */
export async function countAiRequest(deps: CoreDeps, workspaceId: string): Promise<void> {
  let hit: LimitHit;
  try {
    hit = await hitLimit(deps, 'ai', workspaceId);
  } catch (error) {
    deps.logger.warn('AI rate limiter unavailable; request allowed', { error: (error as Error).message });
    return;
  }
  if (hit.exceeded)
    throw new AppError(
      'RATE_LIMIT_EXCEEDED',
      `This workspace has made ${hit.limit} AI requests this hour; try again later`,
      { limit: hit.limit, windowSeconds: hit.windowSeconds },
      rateLimitHeaders(hit),
    );
}
