import type { DevMail, DevMailQuery } from '@teamflow/contracts/admin';
import type { CoreDeps } from '../platform/context';
import { listDevMail as listRows } from './mail.repository';

/** The newest messages of the dev outbox (what the email job kept without SMTP_URL). */
export async function listDevMail(deps: CoreDeps, query: DevMailQuery): Promise<{ items: DevMail[] }> {
  const rows = await listRows(deps.db, query.limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      jobId: r.jobId,
      to: r.to,
      subject: r.subject,
      text: r.text,
      html: r.html,
      template: r.template,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
