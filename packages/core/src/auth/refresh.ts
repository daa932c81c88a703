import type { CoreDeps } from '../platform/context';
import { unauthorized } from '../platform/errors';
import { consumeRefreshToken, findRefreshTokenByHash, revokeFamily } from './auth.repository';
import { issueRefreshToken, type RefreshGrant } from './session';
import { hashToken, signAccessToken } from './tokens';

/**
 * Rotates a refresh token. A token presented after it was rotated (or revoked) is a reuse: the
 * whole family is revoked, so a stolen token dies together with the legitimate session.
 */
export async function refreshSession(
  deps: CoreDeps,
  presented: string | undefined,
): Promise<{ accessToken: string; refresh: RefreshGrant }> {
  if (!presented) throw unauthorized('No refresh token');
  const row = await findRefreshTokenByHash(deps.db, hashToken(presented));
  if (!row) throw unauthorized('Invalid refresh token');
  if (row.revokedAt) {
    await revokeFamily(deps.db, row.familyId);
    deps.logger.warn('refresh token reuse; family revoked', { userId: row.userId, familyId: row.familyId });
    throw unauthorized('Refresh token reuse detected; please sign in again');
  }
  if (row.expiresAt.getTime() <= Date.now()) throw unauthorized('Refresh token expired');

  const next = await deps.db.transaction(async (tx) => {
    const issued = await issueRefreshToken(tx, row.userId, row.rememberMe, row.familyId);
    const consumed = await consumeRefreshToken(tx, row.id, issued.id);
    return consumed ? issued : undefined;
  });
  if (!next) {
    // Lost a race with another use of the same token: that is a reuse too.
    await revokeFamily(deps.db, row.familyId);
    throw unauthorized('Refresh token reuse detected; please sign in again');
  }
  return { accessToken: signAccessToken(row.userId, deps.env.JWT_ACCESS_SECRET), refresh: next };
}
