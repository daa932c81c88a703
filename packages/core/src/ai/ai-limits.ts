import type { CoreDeps } from '../platform/context';
import { AppError } from '../platform/errors';
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
 * RATE_LIMIT_AI_PER_HOUR per workspace: a fixed hourly window in Redis shared by every api
 * instance. If Redis is away the limit steps aside (logged), like the request limiter.
 */
export async function countAiRequest(deps: CoreDeps, workspaceId: string): Promise<void> {
  const windowSeconds = 3600;
  const now = Math.floor(Date.now() / 1000);
  const windowStart = now - (now % windowSeconds);
  const key = `rl:ai:${workspaceId}:${windowStart}`;
  let count: number;
  try {
    const result = await deps.redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    count = Number(result?.[0]?.[1] ?? 0);
  } catch (error) {
    deps.logger.warn('AI rate limiter unavailable; request allowed', { error: (error as Error).message });
    return;
  }
  const limit = deps.env.RATE_LIMIT_AI_PER_HOUR;
  if (count > limit) {
    const reset = windowStart + windowSeconds - now;
    throw new AppError(
      'RATE_LIMIT_EXCEEDED',
      `This workspace has made ${limit} AI requests this hour; try again later`,
      { limit, windowSeconds },
      {
        'Retry-After': String(reset),
        'RateLimit-Policy': `${limit};w=${windowSeconds}`,
        'RateLimit-Limit': String(limit),
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': String(reset),
      },
    );
  }
}
