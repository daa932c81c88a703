import type { Login } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { unauthorized } from '../platform/errors';
import { findUserByEmail } from './auth.repository';
import { assertNotLocked, clearFailedLogins, recordFailedLogin } from './lockout';
import { dummyHash, verifyPassword } from './passwords';
import { issueSession, type IssuedSession } from './session';
import { toUser } from './user.mapper';

/**
 * Unknown email and wrong password give the same 401 after the same work; repeated failures lock (423).
 * An account without a password (made by Google sign-in) is told so.
 */
export async function login(deps: CoreDeps, input: Login): Promise<IssuedSession> {
  await assertNotLocked(deps.redis, deps.env, input.email);
  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  // Accounts made by "Continue with Google" have no password: say so (registering already tells
  // whether an email has an account, so this gives nothing away), and count no failure.
  if (user && !user.passwordHash && !user.deletedAt)
    throw unauthorized(
      'This account has no password: use “Continue with Google”, or set one with “Forgot password?”',
    );
  if (!user || !user.passwordHash || !ok) {
    await recordFailedLogin(deps.redis, deps.env, input.email);
    throw unauthorized('Invalid email or password');
  }
  await clearFailedLogins(deps.redis, input.email);
  return issueSession(deps, toUser(user), input.rememberMe);
}
