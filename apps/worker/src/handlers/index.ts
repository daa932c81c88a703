import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { burndownHandler } from './analytics/burndown.job';
import { velocityHandler } from './analytics/velocity.job';
import { embedTasksHandler } from './ai/embed-tasks.job';
import { aiHandlers } from './ai/run-ai.job';
import { sendEmailHandler } from './email/send.job';
import { scanAttachmentHandler } from './files/scan-attachment.job';
import { deliverWebhookHandler } from './integrations/deliver-webhook.job';
import { cleanupHandler } from './maintenance/cleanup.job';
import { notificationDigestHandler } from './notifications/digest.job';
import { dispatchNotificationsHandler } from './notifications/dispatch.job';
import { dueSoonHandler } from './notifications/due-soon.job';

/** Every handler the worker process runs, configured from the environment. */
export function allHandlers(db: Database, env: Env): Registration[] {
  return [
    cleanupHandler(db),
    sendEmailHandler(db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    burndownHandler(db),
    velocityHandler(db),
    ...aiHandlers({ db, env }),
    embedTasksHandler({ db, env }),
    dispatchNotificationsHandler(db),
    dueSoonHandler(db),
    scanAttachmentHandler({ db, env }),
    deliverWebhookHandler({ db, env }),
    notificationDigestHandler(db, { delayMinutes: env.NOTIFICATION_EMAIL_DELAY, webOrigin: env.WEB_ORIGIN }),
  ];
}
