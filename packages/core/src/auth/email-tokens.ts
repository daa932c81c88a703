import type { DbOrTx } from '@teamflow/db/client';
import { stageJob } from '../jobs/job-outbox.repository';
import { resetPasswordMail, verifyEmailMail } from '../mail/templates';
import type { CoreDeps } from '../platform/context';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { replaceUserToken, type UserRow } from './auth.repository';
import { hashToken, newOpaqueToken } from './tokens';

export const RESET_TOKEN_TTL_MINUTES = 60;
export const VERIFY_TOKEN_TTL_HOURS = 48;

const webUrl = (deps: CoreDeps, path: string, token: string) =>
  `${deps.env.WEB_ORIGIN.replace(/\/$/, '')}${path}?token=${encodeURIComponent(token)}`;

/**
 * Issues a password-reset token (older unused ones stop working) and stages the email, in the
 * caller's transaction: the email job is enqueued from the job outbox once this commits.
 */
export async function stagePasswordReset(deps: CoreDeps, tx: DbOrTx, user: UserRow): Promise<void> {
  const token = newOpaqueToken();
  await replaceUserToken(tx, {
    userId: user.id,
    kind: 'password-reset',
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MINUTES * 60_000),
  });
  const mail = resetPasswordMail({
    name: user.name,
    resetUrl: webUrl(deps, '/reset-password', token),
    validMinutes: RESET_TOKEN_TTL_MINUTES,
  });
  await stageJob(tx, sendEmailJob, { to: user.email, ...mail });
}

/** Issues an email-verification token and stages its email (same rules as the reset). */
export async function stageEmailVerification(deps: CoreDeps, tx: DbOrTx, user: UserRow): Promise<void> {
  const token = newOpaqueToken();
  await replaceUserToken(tx, {
    userId: user.id,
    kind: 'email-verification',
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + VERIFY_TOKEN_TTL_HOURS * 3_600_000),
  });
  const mail = verifyEmailMail({ name: user.name, verifyUrl: webUrl(deps, '/verify-email', token) });
  await stageJob(tx, sendEmailJob, { to: user.email, ...mail });
}
