import type { NextFunction, Request, Response } from 'express';
import { AppError } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';

export type RateLimitBucket = 'auth' | 'default';

interface Window {
  limit: number;
  seconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every api instance. Sends the IETF `RateLimit-*`
 * headers and `Retry-After` on 429. If Redis is away the limiter steps aside (logged) rather
 * than taking the whole api down with it.
 */
export function rateLimit(deps: ApiDeps, bucket: RateLimitBucket) {
  const window: Window =
    bucket === 'auth'
      ? { limit: deps.env.RATE_LIMIT_AUTH_PER_MINUTE, seconds: 60 }
      : { limit: deps.env.RATE_LIMIT_DEFAULT_PER_MINUTE, seconds: 60 };
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const who = bucket === 'default' && req.user ? `u:${req.user.id}` : `ip:${req.ip ?? 'unknown'}`;
    const now = Math.floor(Date.now() / 1000);
    const windowStart = now - (now % window.seconds);
    const key = `rl:${bucket}:${who}:${windowStart}`;
    let count: number;
    try {
      const result = await deps.redis.multi().incr(key).expire(key, window.seconds, 'NX').exec();
      count = Number(result?.[0]?.[1] ?? 0);
    } catch (error) {
      req.log.warn('rate limiter unavailable; request allowed', { error: (error as Error).message });
      next();
      return;
    }
    const reset = windowStart + window.seconds - now;
    res.setHeader('RateLimit-Policy', `${window.limit};w=${window.seconds}`);
    res.setHeader('RateLimit-Limit', String(window.limit));
    res.setHeader('RateLimit-Remaining', String(Math.max(0, window.limit - count)));
    res.setHeader('RateLimit-Reset', String(reset));
    if (count > window.limit) {
      next(
        new AppError('RATE_LIMIT_EXCEEDED', 'Too many requests; slow down', undefined, {
          'Retry-After': String(reset),
        }),
      );
      return;
    }
    next();
  };
}
