import { createHash, createSecretKey, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
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
  /** Set for personal API tokens: a `read` token may only read. Session tokens may do anything. */
  scope?: 'read' | 'write';
}

// jsonwebtoken first tries a string secret as a public key (and fails) on every call;
// handing it a ready secret KeyObject skips that work on the hot path.
const keys = new Map<string, KeyObject>();
function secretKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

export function signAccessToken(userId: string, secret: string): string {
  return jwt.sign({}, secretKey(secret), {
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
    const claims = jwt.verify(token, secretKey(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
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
