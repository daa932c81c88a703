import type { ForgotPassword } from '@teamflow/contracts/auth';
import type { CoreDeps } from '../platform/context';
import { findUserByEmail } from './auth.repository';
import { stagePasswordReset } from './email-tokens';

/**
 * Starts a password reset. The caller learns nothing: the answer is the same whether or not the
 * email has an account, and the email goes out from a job.
 */
export async function forgotPassword(deps: CoreDeps, input: ForgotPassword): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user) return;
    await stagePasswordReset(deps, tx, user);
  });
}
