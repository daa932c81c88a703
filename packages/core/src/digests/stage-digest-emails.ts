import type { Digest } from '@teamflow/contracts/digests';
import type { Env } from '@teamflow/config/env';
import type { DbOrTx } from '@teamflow/db/client';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import { dailyDigestMail } from '../mail/templates';
import { claimDigestEmails, workspaceName } from './digests.repository';

/**
 * In the transaction that writes a digest: stages the digest email of each member who opted in
 * and has not had this date's yet. The claim row and the staged email commit together, so two
 * workers, a retry or a regenerate send no second email.
 */
export async function stageDigestEmails(
  tx: DbOrTx,
  env: Pick<Env, 'WEB_ORIGIN'>,
  digest: Pick<Digest, 'workspaceId' | 'date' | 'summary'>,
): Promise<number> {
  const recipients = await claimDigestEmails(tx, digest.workspaceId, digest.date);
  if (recipients.length === 0) return 0;
  const name = await workspaceName(tx, digest.workspaceId);
  for (const to of recipients) {
    const mail = dailyDigestMail({
      name: to.name,
      workspaceName: name,
      date: digest.date,
      summary: digest.summary,
      digestUrl: `${env.WEB_ORIGIN}/w/${digest.workspaceId}/digest?date=${digest.date}`,
      preferencesUrl: `${env.WEB_ORIGIN}/profile/notifications`,
    });
    await stageJob(tx, sendEmailJob, { to: to.email, ...mail });
  }
  return recipients.length;
}
