import { notificationPath, notificationText } from '@teamflow/contracts/notifications';
import { sendEmailJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import { notificationDigestMail, type DigestItem } from '../mail/templates';
import type { CoreDeps } from '../platform/context';
import { toNotification } from './notification.mapper';
import {
  listPreferences,
  lockDigestRows,
  markEmailed,
  userContact,
  usersWithDigestDue,
} from './notifications.repository';

export interface DigestResult {
  users: number;
  emails: number;
  notifications: number;
}

/**
 * notifications/digest: for each user with unread notifications older than the delay that no
 * digest has covered, ONE email listing those whose type has email on. In one transaction per
 * user the rows are locked, the email is staged in the job outbox and every covered row is
 * stamped `emailed_at` (also the rows whose type has email off: decided, not sent), so a retry
 * or a second worker finds nothing left to send.
 */
export async function sendNotificationDigests(
  deps: Pick<CoreDeps, 'db'>,
  options: { delayMinutes: number; webOrigin: string; now?: Date; maxUsers?: number },
): Promise<DigestResult> {
  const olderThan = new Date((options.now ?? new Date()).getTime() - options.delayMinutes * 60_000);
  const userIds = await usersWithDigestDue(deps.db, olderThan, options.maxUsers ?? 500);
  const result: DigestResult = { users: userIds.length, emails: 0, notifications: 0 };
  for (const userId of userIds) {
    await deps.db.transaction(async (tx) => {
      const rows = await lockDigestRows(tx, userId, olderThan);
      if (rows.length === 0) return;
      const emailOff = new Set(
        (await listPreferences(tx, [userId])).filter((p) => !p.email).map((p) => p.type),
      );
      const items: DigestItem[] = rows
        .filter((r) => !emailOff.has(r.type))
        .map(toNotification)
        .map((n) => ({ line: notificationText(n), url: `${options.webOrigin}${notificationPath(n)}` }));
      const contact = await userContact(tx, userId);
      if (items.length > 0 && contact) {
        const mail = notificationDigestMail({
          name: contact.name,
          items,
          inboxUrl: `${options.webOrigin}/notifications`,
          preferencesUrl: `${options.webOrigin}/profile/notifications`,
        });
        await stageJob(tx, sendEmailJob, { to: contact.email, ...mail });
        result.emails++;
        result.notifications += items.length;
      }
      await markEmailed(
        tx,
        rows.map((r) => r.id),
      );
    });
  }
  return result;
}
