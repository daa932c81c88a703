import type { NextFunction, Request, Response } from 'express';
import { isAccessTokenDenied } from '@teamflow/core/auth/deny-list';
import { verifyAccessToken } from '@teamflow/core/auth/tokens';
import { unauthorized } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';
import { countHit, enforce } from './rate-limit';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/**
 * Requires a valid, non-revoked access token and sets req.claims. The signature is checked first
 * (no I/O); then the deny-list lookup and, on per-user limited routes, the rate-limit count go to
 * Redis side by side — one round trip.
 */
export function requireToken(
  deps: ApiDeps,
  limitPerUser: boolean,
  tokenFrom: (req: Request) => string | undefined = bearerToken,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = tokenFrom(req);
    if (!token) throw unauthorized('Send an access token: Authorization: Bearer <token>');
    const claims = verifyAccessToken(token, deps.env.JWT_ACCESS_SECRET);
    const [denied, hit] = await Promise.all([
      isAccessTokenDenied(deps.redis, claims.jti),
      limitPerUser ? countHit(deps, req, 'default', `u:${claims.sub}`) : Promise.resolve(undefined),
    ]);
    if (denied) throw unauthorized('Access token revoked');
    req.claims = claims;
    req.log = req.log.child({ userId: claims.sub });
    enforce(res, hit);
    next();
  };
}
