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

// Access tokens this process has verified, by secret and token: a client sends the same token
// with every request for its 15 minutes, and checking its HMAC and claims again each time was ~4%
// of the api's CPU per request (bench:api --cpu-prof). Only a token that verified is kept, under
// the exact string it arrived as (any other string, a tampered one included, is verified afresh);
// its expiry is checked on every use; revocation is the deny-list's, read per request anyway.
// Oldest first out past the bound.
const VERIFIED_LIMIT = 10_000;
const verified = new Map<string, AccessClaims>();

/** Verifies signature (HS256 only: `none` and other algorithms are refused), expiry, issuer and audience. */
export function verifyAccessToken(token: string, secret: string): AccessClaims {
  const cacheKey = `${secret.length}:${secret}:${token}`;
  const known = verified.get(cacheKey);
  if (known) {
    if (Date.now() / 1000 < known.exp) return known;
    verified.delete(cacheKey);
    throw unauthorized('Access token expired');
  }
  let claims: AccessClaims;
  try {
    const payload = jwt.verify(token, secretKey(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (typeof payload === 'string' || !payload.sub || !payload.jti || !payload.exp)
      throw new Error('malformed');
    claims = Object.freeze({ sub: payload.sub, jti: payload.jti, exp: payload.exp });
  } catch (error) {
    const expired = error instanceof jwt.TokenExpiredError;
    throw unauthorized(expired ? 'Access token expired' : 'Invalid access token');
  }
  if (verified.size >= VERIFIED_LIMIT) verified.delete(verified.keys().next().value!);
  verified.set(cacheKey, claims);
  return claims;
}

export function newOpaqueToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
