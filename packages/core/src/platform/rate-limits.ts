import type { Env } from '@teamflow/config/env';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from './redis';

/**
 * The limits of the product (per minute: requests by user or IP, sign-in attempts by IP; per hour:
 * AI requests by workspace, uploads by user), counted in Redis by rate-limiter-flexible so every
 * api instance shares them. Single-key operations, so they work on Redis Cluster as well.
 */
export type LimitName = 'default' | 'auth' | 'ai' | 'uploads';

export interface LimitHit {
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
  exceeded: boolean;
}

const WINDOWS: Record<LimitName, { seconds: number; points: (env: Env) => number }> = {
  default: { seconds: 60, points: (env) => env.RATE_LIMIT_DEFAULT_PER_MINUTE },
  auth: { seconds: 60, points: (env) => env.RATE_LIMIT_AUTH_PER_MINUTE },
  ai: { seconds: 3600, points: (env) => env.RATE_LIMIT_AI_PER_HOUR },
  uploads: { seconds: 3600, points: (env) => env.RATE_LIMIT_UPLOADS_PER_HOUR },
};

type Limiters = Record<LimitName, RateLimiterRedis>;
// One set per Redis client. Each limiter registers the library's Lua script on the client
// (`defineCommand`), and an auto-pipelining client's pipelines copy its scripts when they are
// opened: a script command queued on a pipeline opened before the definition (it may stay open
// for several ticks while the previous one is in flight) makes ioredis fail that whole batch and
// then throw from its callback, ending the process. So `createRedis` defines the script when it
// makes the client, before any command, through `defineRateLimitScript`.
const byClient = new WeakMap<Redis, Limiters>();

function limiter(redis: Redis, name: LimitName, env: Env): RateLimiterRedis {
  return new RateLimiterRedis({
    storeClient: redis,
    // Keys read `rl:<name>:<who>` under the deployment's prefix (ip:…, u:…, a workspace id).
    keyPrefix: `rl:${name}`,
    points: WINDOWS[name].points(env),
    duration: WINDOWS[name].seconds,
    // While Redis is away fail at once, so callers step aside instead of waiting.
    rejectIfRedisNotReady: true,
  });
}

/** Registers the limiters' script on a client that has sent nothing yet (see `byClient`). */
export function defineRateLimitScript(redis: Redis): void {
  // Constructing a limiter is what defines the script; this one never counts.
  new RateLimiterRedis({ storeClient: redis, points: 1, duration: 1 });
}

function limitersFor(redis: Redis, env: Env): Limiters {
  let limiters = byClient.get(redis);
  if (!limiters) {
    limiters = {
      default: limiter(redis, 'default', env),
      auth: limiter(redis, 'auth', env),
      ai: limiter(redis, 'ai', env),
      uploads: limiter(redis, 'uploads', env),
    };
    byClient.set(redis, limiters);
  }
  return limiters;
}

const toHit = (name: LimitName, env: Env, res: RateLimiterRes, exceeded: boolean): LimitHit => ({
  limit: WINDOWS[name].points(env),
  windowSeconds: WINDOWS[name].seconds,
  remaining: res.remainingPoints,
  resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  exceeded,
});

/**
 * Counts one hit of `key` against a limit. Rejects when Redis cannot be reached: the caller decides
 * whether to step aside (the request limiter does) or refuse.
 */
export async function hitLimit(
  deps: { redis: Redis; env: Env },
  name: LimitName,
  key: string,
): Promise<LimitHit> {
  try {
    const res = await limitersFor(deps.redis, deps.env)[name].consume(key);
    return toHit(name, deps.env, res, false);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return toHit(name, deps.env, rejection, true);
    throw rejection;
  }
}

/** The IETF `RateLimit-*` headers (and `Retry-After` once over the limit) for a hit. */
export function rateLimitHeaders(hit: LimitHit): Record<string, string> {
  return {
    'RateLimit-Policy': `${hit.limit};w=${hit.windowSeconds}`,
    'RateLimit-Limit': String(hit.limit),
    'RateLimit-Remaining': String(hit.remaining),
    'RateLimit-Reset': String(hit.resetSeconds),
    ...(hit.exceeded ? { 'Retry-After': String(hit.resetSeconds) } : {}),
  };
}
