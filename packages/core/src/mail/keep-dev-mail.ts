import type { CoreDeps } from '../platform/context';
import { insertDevMail } from './mail.repository';

/**
 * Keeps a message in the dev outbox (no SMTP configured), once per job id: a retried job does not
 * keep it twice. True when it was kept now.
 */
export async function keepDevMail(
  deps: Pick<CoreDeps, 'db'>,
  message: { jobId: string; to: string; subject: string; text: string; html: string; template: string },
): Promise<boolean> {
  return insertDevMail(deps.db, message);
}
