import type { CoreDeps } from '../platform/context';
import { AppError } from '../platform/errors';
import { hitLimit, rateLimitHeaders, type LimitHit } from '../platform/rate-limits';
import { findBudgetMicros, personalSpentSince, spentSince } from './ai.repository';

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

/**
 * A person's own AI use (the work log belongs to a person, not a workspace) has a monthly budget
 * of its own, the amount a workspace gets until its owner sets one (AI_MONTHLY_BUDGET_USD),
 * counted over that person's usage rows that have no workspace.
 */
export async function isPersonalOverBudget(
  deps: Pick<CoreDeps, 'db' | 'env'>,
  userId: string,
): Promise<boolean> {
  const spent = await personalSpentSince(deps.db, userId, monthStart());
  return spent >= Math.round(deps.env.AI_MONTHLY_BUDGET_USD * 1_000_000);
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
