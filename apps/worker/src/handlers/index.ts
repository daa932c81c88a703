import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { sendEmailHandler, type MailSettings } from './email/send.job';
import { cleanupHandler } from './maintenance/cleanup.job';
import { notificationDigestHandler, type DigestSettings } from './notifications/digest.job';
import { dispatchNotificationsHandler } from './notifications/dispatch.job';
import { dueSoonHandler } from './notifications/due-soon.job';

const DEV_MAIL: MailSettings = { from: 'TeamFlow <no-reply@teamflow.local>' };
const DEV_DIGEST: DigestSettings = { delayMinutes: 30, webOrigin: 'http://localhost:3000' };

/** Every handler the worker process runs. */
export function allHandlers(
  db: Database,
  mail: MailSettings = DEV_MAIL,
  digest: DigestSettings = DEV_DIGEST,
): Registration[] {
  return [
    cleanupHandler(db),
    sendEmailHandler(db, mail),
    dispatchNotificationsHandler(db),
    dueSoonHandler(db),
    notificationDigestHandler(db, digest),
  ];
}
