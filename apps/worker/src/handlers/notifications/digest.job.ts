import type { Database } from '@teamflow/db/client';
import { sendNotificationDigests } from '@teamflow/core/notifications/send-digests';
import { notificationDigestJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export interface DigestSettings {
  /** Minutes a notification stays unread before a digest includes it (NOTIFICATION_EMAIL_DELAY). */
  delayMinutes: number;
  /** Links in the email point here (WEB_ORIGIN). */
  webOrigin: string;
}

export const notificationDigestHandler = (db: Database, settings: DigestSettings) =>
  register(notificationDigestJob, async (_payload, { log }) => {
    const result = await sendNotificationDigests({ db }, settings);
    log.info('notification digests staged', { ...result });
    return result;
  });
