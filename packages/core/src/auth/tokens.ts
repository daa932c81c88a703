import { createHash, randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { unauthorized } from '../platform/errors';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'teamflow-api';
const AUDIENCE = 'teamflow';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  sub: string;
  jti: string;
  exp: number;
}

export function signAccessToken(userId: string, secret: string): string {
  return jwt.sign({}, secret, {
    algorithm: ALGORITHM,
    subject: userId,
    jwtid: randomUUID(),
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  });
}

/** Verifies signature (HS256 only: `none` and other algorithms are refused), expiry, issuer and audience. */
export function verifyAccessToken(token: string, secret: string): AccessClaims {
  try {
    const claims = jwt.verify(token, secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
    if (typeof claims === 'string' || !claims.sub || !claims.jti || !claims.exp) throw new Error('malformed');
    return { sub: claims.sub, jti: claims.jti, exp: claims.exp };
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw unauthorized(expired ? 'Access token expired' : 'Invalid access token');
  }
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
