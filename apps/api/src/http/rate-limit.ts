import type { NextFunction, Request, Response } from 'express';
import { AppError } from '@teamflow/core/platform/errors';
import { hitLimit, rateLimitHeaders, type LimitHit } from '@teamflow/core/platform/rate-limits';
import type { ApiDeps } from '../deps';

/** `uploads`: per user per hour (RATE_LIMIT_UPLOADS_PER_HOUR), on top of the default per-minute one. */
export type RateLimitBucket = 'auth' | 'default' | 'uploads';

/**
 * Counts one request against a limit shared by every api instance (Redis). Undefined when Redis is
 * away: the limiter then steps aside (logged) rather than taking the whole api down with it.
 */
export async function countHit(
  deps: ApiDeps,
  req: Request,
  bucket: RateLimitBucket,
  who: string,
): Promise<LimitHit | undefined> {
  try {
    return await hitLimit(deps, bucket, who);
  } catch (error) {
    req.log.warn('rate limiter unavailable; request allowed', { error: (error as Error).message });
    return undefined;
  }
}

/** Sends the IETF `RateLimit-*` headers; over the limit it is a 429 with `Retry-After`. */
export function enforce(res: Response, hit: LimitHit | undefined): void {
  if (!hit) return;
  const headers = rateLimitHeaders(hit);
  if (hit.exceeded)
    throw new AppError('RATE_LIMIT_EXCEEDED', 'Too many requests; slow down', undefined, headers);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** Limits by the signed-in caller (after authentication): uploads per hour. */
export function rateLimitByUser(deps: ApiDeps, bucket: RateLimitBucket) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    enforce(res, await countHit(deps, req, bucket, `u:${req.claims!.sub}`));
    next();
  };
}

/** Limits by client IP: the auth routes, and anonymous calls. */
export function rateLimitByIp(deps: ApiDeps, bucket: RateLimitBucket) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    enforce(res, await countHit(deps, req, bucket, `ip:${req.ip ?? 'unknown'}`));
    next();
  };
}
