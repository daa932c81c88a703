import type { VerifyEmail } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { invalid } from '../platform/errors';
import { consumeUserToken, markEmailVerified } from './auth.repository';
import { hashToken } from './tokens';

/** Confirms the email address with a one-time verification token. */
export async function verifyEmail(deps: CoreDeps, input: VerifyEmail): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, 'email-verification', hashToken(input.token));
    if (!userId) throw invalid([{ field: 'token', message: 'This link is invalid, used or expired' }]);
    await markEmailVerified(tx, userId);
  });
}
