import type { CoreDeps } from '../platform/context';
import { findRefreshTokenByHash, revokeFamily } from './auth.repository';
import { renewAccessStamps } from '../workspaces/access-stamp';
import { denyAccessToken } from './deny-list';
import { hashToken, type AccessClaims } from './tokens';

/**
 * Revokes what the caller holds: the access token (deny-listed until expiry) and the refresh family.
 * Returns whose session it was (undefined when nothing held was recognised).
 */
export async function logout(
  deps: CoreDeps,
  held: { access?: AccessClaims; refreshToken?: string },
): Promise<{ userId?: string }> {
  let userId = held.access?.sub;
  if (held.access) await denyAccessToken(deps.redis, held.access.jti, held.access.exp);
  if (held.refreshToken) {
    const row = await findRefreshTokenByHash(deps.db, hashToken(held.refreshToken));
    if (row) {
      await revokeFamily(deps.db, row.familyId);
      userId ??= row.userId;
    }
  }
  if (userId) await renewAccessStamps(deps.redis, [userId]);
  return { userId };
}
