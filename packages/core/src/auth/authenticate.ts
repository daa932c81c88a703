import type { User } from '@teamflow/contracts/users';
import type { CoreDeps } from '../platform/context';
import { unauthorized } from '../platform/errors';
import { findUserById } from './auth.repository';
import { isAccessTokenDenied } from './deny-list';
import { verifyAccessToken, type AccessClaims } from './tokens';
import { toUser } from './user.mapper';

/** Resolves a bearer token to its user: valid signature and claims, not deny-listed, user still exists. */
export async function authenticate(
  deps: CoreDeps,
  token: string,
): Promise<{ user: User; claims: AccessClaims }> {
  const claims = verifyAccessToken(token, deps.env.JWT_ACCESS_SECRET);
  // Two independent lookups: run them side by side to keep the per-request cost at one round trip.
  const [denied, row] = await Promise.all([
    isAccessTokenDenied(deps.redis, claims.jti),
    findUserById(deps.db, claims.sub),
  ]);
  if (denied) throw unauthorized('Access token revoked');
  if (!row) throw unauthorized('Account no longer exists');
  return { user: toUser(row), claims };
}
