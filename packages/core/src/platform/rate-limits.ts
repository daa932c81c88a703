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
// One set per Redis client (limiters register their Lua script on the client once), usable from
// the next turn of the event loop: the client auto-pipelines, and a pipeline copies the client's
// scripts when it is opened. One opened earlier in the tick that defines the script (a request's
// deny-list read) lacks it, and a script command queued there makes ioredis fail that whole batch
// and throw from its callback, ending the process. Such a pipeline leaves at setImmediate, queued
// before ours, so the first count goes out in a pipeline that has the script.
const byClient = new WeakMap<Redis, Promise<Limiters>>();

function limitersFor(redis: Redis, env: Env): Promise<Limiters> {
  let limiters = byClient.get(redis);
  if (!limiters) {
    const make = (name: LimitName) =>
      new RateLimiterRedis({
        storeClient: redis,
        // Keys read `rl:<name>:<who>` under the deployment's prefix (ip:…, u:…, a workspace id).
        keyPrefix: `rl:${name}`,
        points: WINDOWS[name].points(env),
        duration: WINDOWS[name].seconds,
        // While Redis is away fail at once, so callers step aside instead of waiting.
        rejectIfRedisNotReady: true,
      });
    const made: Limiters = {
      default: make('default'),
      auth: make('auth'),
      ai: make('ai'),
      uploads: make('uploads'),
    };
    limiters = new Promise((resolve) => setImmediate(resolve, made));
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
    const res = await (await limitersFor(deps.redis, deps.env))[name].consume(key);
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
