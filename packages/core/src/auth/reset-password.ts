import type { ResetPassword } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { invalid } from '../platform/errors';
import { consumeUserToken, markEmailVerified, revokeAllForUser, setPasswordHash } from './auth.repository';
import { hashPassword } from './passwords';
import { hashToken } from './tokens';

/**
 * Sets a new password with a one-time reset token: the token is spent, every refresh session of
 * the user is revoked (sign in again everywhere), and the email counts as verified (the link
 * reached the inbox).
 */
export async function resetPassword(deps: CoreDeps, input: ResetPassword): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, 'password-reset', hashToken(input.token));
    if (!userId) throw invalid([{ field: 'token', message: 'This link is invalid, used or expired' }]);
    await setPasswordHash(tx, userId, passwordHash);
    await revokeAllForUser(tx, userId);
    await markEmailVerified(tx, userId);
  });
}
