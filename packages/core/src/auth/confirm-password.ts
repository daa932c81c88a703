import type { CoreDeps } from '../platform/context';
import { invalid, unauthorized } from '../platform/errors';
import { findUserById } from './auth.repository';
import { verifyPassword } from './passwords';

/** Checks that `password` is the account's own (a 400 on `field` when it is not): for acts that need it again. */
export async function confirmPassword(
  deps: Pick<CoreDeps, 'db'>,
  userId: string,
  password: string,
  field = 'password',
): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw unauthorized('Account no longer exists');
  if (!user.passwordHash)
    throw invalid(
      [{ field, message: 'This account has no password yet: set one with “Forgot password?” first' }],
      'This account has no password yet',
    );
  if (!(await verifyPassword(user.passwordHash, password)))
    throw invalid([{ field, message: 'The password is not right' }], 'The password is not right');
}
