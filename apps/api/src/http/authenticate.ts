import type { NextFunction, Request, Response } from 'express';
import { authenticateApiToken, isApiToken } from '@teamflow/core/api-tokens/authenticate-api-token';
import { readSessionState } from '@teamflow/core/auth/session-state';
import { verifyAccessToken, type AccessClaims } from '@teamflow/core/auth/tokens';
import { forbidden, unauthorized } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';
import { countHit, enforce } from './rate-limit';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A personal API token (`tf_pat_…`) in place of a session: same user, its scope on top. */
async function apiTokenClaims(deps: ApiDeps, req: Request, token: string): Promise<AccessClaims> {
  const found = await authenticateApiToken(deps, token);
  if (found.scope === 'read' && !READS.has(req.method))
    throw forbidden('This API token may only read (scope: read)');
  return { sub: found.userId, jti: `pat:${found.tokenId}`, exp: found.exp, scope: found.scope };
}

/**
 * Requires a valid, non-revoked access token (or personal API token) and sets req.claims. The signature is checked first
 * (no I/O); then the deny-list lookup with the user's access stamp and, on per-user
 * limited routes, the rate-limit count go to Redis side by side — one round trip.
 */
export function requireToken(
  deps: ApiDeps,
  limitPerUser: boolean,
  tokenFrom: (req: Request) => string | undefined = bearerToken,
) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const token = tokenFrom(req);
    if (!token) throw unauthorized('Send an access token: Authorization: Bearer <token>');
    const pat = isApiToken(token);
    const claims = pat
      ? await apiTokenClaims(deps, req, token)
      : verifyAccessToken(token, deps.env.JWT_ACCESS_SECRET);
    const [session, hit] = await Promise.all([
      readSessionState(deps.redis, claims.sub, pat ? undefined : claims.jti),
      limitPerUser ? countHit(deps, req, 'default', `u:${claims.sub}`) : Promise.resolve(undefined),
    ]);
    if (session.denied) throw unauthorized('Access token revoked');
    req.claims = claims;
    req.accessStamp = session.accessStamp;
    req.log = req.log.child({ userId: claims.sub });
    enforce(res, hit);
    next();
  };
}
