import type { CoreDeps } from '../platform/context';
import { findUserById } from './auth.repository';
import { stageEmailVerification } from './email-tokens';

/** Sends a fresh verification email (earlier links stop working); nothing when already verified. */
export async function requestEmailVerification(deps: CoreDeps, userId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || user.emailVerifiedAt) return;
    await stageEmailVerification(deps, tx, user);
  });
}
