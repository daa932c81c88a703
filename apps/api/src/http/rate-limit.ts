import type { NextFunction, Request, Response } from 'express';
import { AppError } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';

export type RateLimitBucket = 'auth' | 'default';

export interface Hit {
  count: number;
  limit: number;
  windowSeconds: number;
  resetSeconds: number;
}

/**
 * Counts one request in a fixed window shared by every api instance (Redis). Undefined when Redis
 * is away: the limiter then steps aside (logged) rather than taking the whole api down with it.
 */
export async function countHit(
  deps: ApiDeps,
  req: Request,
  bucket: RateLimitBucket,
  who: string,
): Promise<Hit | undefined> {
  const limit =
    bucket === 'auth' ? deps.env.RATE_LIMIT_AUTH_PER_MINUTE : deps.env.RATE_LIMIT_DEFAULT_PER_MINUTE;
  const windowSeconds = 60;
  const now = Math.floor(Date.now() / 1000);
  const windowStart = now - (now % windowSeconds);
  const key = `rl:${bucket}:${who}:${windowStart}`;
  try {
    const result = await deps.redis.multi().incr(key).expire(key, windowSeconds, 'NX').exec();
    return {
      count: Number(result?.[0]?.[1] ?? 0),
      limit,
      windowSeconds,
      resetSeconds: windowStart + windowSeconds - now,
    };
  } catch (error) {
    req.log.warn('rate limiter unavailable; request allowed', { error: (error as Error).message });
    return undefined;
  }
}

/** Sends the IETF `RateLimit-*` headers; over the limit it is a 429 with `Retry-After`. */
export function enforce(res: Response, hit: Hit | undefined): void {
  if (!hit) return;
  res.setHeader('RateLimit-Policy', `${hit.limit};w=${hit.windowSeconds}`);
  res.setHeader('RateLimit-Limit', String(hit.limit));
  res.setHeader('RateLimit-Remaining', String(Math.max(0, hit.limit - hit.count)));
  res.setHeader('RateLimit-Reset', String(hit.resetSeconds));
  if (hit.count > hit.limit) {
    throw new AppError('RATE_LIMIT_EXCEEDED', 'Too many requests; slow down', undefined, {
      'Retry-After': String(hit.resetSeconds),
    });
  }
}

/** Limits by client IP: the auth routes, and anonymous calls. */
export function rateLimitByIp(deps: ApiDeps, bucket: RateLimitBucket) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    enforce(res, await countHit(deps, req, bucket, `ip:${req.ip ?? 'unknown'}`));
    next();
  };
}
