import type { User } from '@teamflow/contracts/users';
import type { CoreDeps } from '../platform/context';
import { unauthorized } from '../platform/errors';
import { findUserById } from './auth.repository';
import { toUser } from './user.mapper';

/** The token's user; 401 when the account no longer exists. */
export async function loadUser(deps: Pick<CoreDeps, 'db'>, userId: string): Promise<User> {
  const row = await findUserById(deps.db, userId);
  if (!row) throw unauthorized('Account no longer exists');
  return toUser(row);
}
