import type { VerifyEmail } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { invalid } from '../platform/errors';
import { consumeUserToken, findUserById, markEmailVerified } from './auth.repository';
import { stageEmailVerification } from './email-tokens';
import { hashToken } from './tokens';

/** Confirms the email address with a one-time verification token. */
export async function verifyEmail(deps: CoreDeps, input: VerifyEmail): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, 'email-verification', hashToken(input.token));
    if (!userId) throw invalid([{ field: 'token', message: 'This link is invalid, used or expired' }]);
    await markEmailVerified(tx, userId);
  });
}

/** Sends a fresh verification email (earlier links stop working); nothing when already verified. */
export async function requestEmailVerification(deps: CoreDeps, userId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || user.emailVerifiedAt) return;
    await stageEmailVerification(deps, tx, user);
  });
}
