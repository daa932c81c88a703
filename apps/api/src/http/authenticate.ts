import type { NextFunction, Request, Response } from 'express';
import { authenticate } from '@teamflow/core/auth/authenticate';
import { unauthorized } from '@teamflow/core/platform/errors';
import type { ApiDeps } from '../deps';

export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Requires a valid, non-revoked access token; sets req.user and req.claims. */
export function requireUser(deps: ApiDeps) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const token = bearerToken(req);
    if (!token) throw unauthorized('Send an access token: Authorization: Bearer <token>');
    const { user, claims } = await authenticate(deps, token);
    req.user = user;
    req.claims = claims;
    req.log = req.log.child({ userId: user.id });
    next();
  };
}
