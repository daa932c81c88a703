import type { ChangePassword } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import {
  findRefreshTokenByHash,
  findUserById,
  revokeOtherSessions,
  setPasswordHash,
} from './auth.repository';
import { hashPassword, verifyPassword } from './passwords';
import { hashToken } from './tokens';

/**
 * Changes the password of the signed-in user after checking the current one. Every other refresh
 * session is revoked (a thief with an old session is out); the session making the call, named by
 * its refresh cookie, stays signed in.
 */
export async function changePassword(
  deps: CoreDeps,
  userId: string,
  input: ChangePassword,
  refreshToken: string | undefined,
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('User');
  if (!user.passwordHash)
    throw invalid([
      {
        field: 'currentPassword',
        message: 'This account has no password yet: set one with “Forgot password?”',
      },
    ]);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw invalid([{ field: 'currentPassword', message: 'The current password is not correct' }]);
  if (input.currentPassword === input.newPassword)
    throw invalid([{ field: 'newPassword', message: 'Choose a password different from the current one' }]);

  const current = refreshToken ? await findRefreshTokenByHash(deps.db, hashToken(refreshToken)) : undefined;
  const keepFamilyId =
    current && current.userId === userId && !current.revokedAt ? current.familyId : undefined;
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, passwordHash);
    await revokeOtherSessions(tx, userId, keepFamilyId);
  });
}
