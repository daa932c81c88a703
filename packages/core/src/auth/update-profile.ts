import type { UpdateProfile } from '@teamflow/contracts/auth';
import { renewAccessStamps } from '../workspaces/access-stamp';
import type { User } from '@teamflow/contracts/users';
import type { CoreDeps } from '../platform/context';
import { notFound } from '../platform/errors';
import { updateUserProfile } from './auth.repository';
import { toUser } from './user.mapper';

/** Changes what the signed-in user is called and their time zone; the email stays (it is the sign-in name). */
export async function updateProfile(deps: CoreDeps, userId: string, input: UpdateProfile): Promise<User> {
  const row = await updateUserProfile(deps.db, userId, { name: input.name, timeZone: input.timeZone });
  if (!row) throw notFound('User');
  // Cached memberships carry the member's name.
  if (input.name !== undefined) await renewAccessStamps(deps.redis, [userId]);
  return toUser(row);
}
