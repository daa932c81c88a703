import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import { createReadRouter, type ReadRouter } from '@teamflow/db/read-replica';
import type { Registration } from '../runtime';
import { burndownHandler } from './analytics/burndown.job';
import { digestHandler } from './analytics/digest.job';
import { dueDigestsHandler } from './analytics/due-digests.job';
import { velocityHandler } from './analytics/velocity.job';
import { embedTasksHandler } from './ai/embed-tasks.job';
import { aiHandlers } from './ai/run-ai.job';
import { sendEmailHandler } from './email/send.job';
import { scanAttachmentHandler } from './files/scan-attachment.job';
import { deliverWebhookHandler } from './integrations/deliver-webhook.job';
import { notifySlackHandler } from './integrations/notify-slack.job';
import { cleanupHandler } from './maintenance/cleanup.job';
import { blockerEscalationHandler } from './notifications/blocker-escalation.job';
import { checkInRemindersHandler } from './notifications/check-in-reminders.job';
import { reanalyseEntriesHandler } from './maintenance/reanalyse-entries.job';
import { rebuildProgressHandler } from './maintenance/rebuild-progress.job';
import { recurrenceDueHandler, recurrenceNextHandler } from './maintenance/recurrence.job';
import { notificationDigestHandler } from './notifications/digest.job';
import { dispatchNotificationsHandler } from './notifications/dispatch.job';
import { dueSoonHandler } from './notifications/due-soon.job';
import { settleStreaksHandler } from './progress/settle-streaks.job';
import { xpHandler } from './progress/xp.job';
import { analyseEntryHandler } from './worklog/analyse-entry.job';
import { worklogExportHandler } from './worklog/export.job';

/**
 * Every handler the worker process runs, configured from the environment. `reads` takes the
 * digests' reads (the replica when the process has one); without it they read `db`. The
 * burndown and velocity jobs stay on the primary: each recomputes because of a change that was
 * just committed, and a replica that has not replayed it yet would store a stale snapshot.
 */
export function allHandlers(
  db: Database,
  env: Env,
  reads: ReadRouter = createReadRouter({ primary: db }),
): Registration[] {
  return [
    cleanupHandler(db),
    recurrenceNextHandler(db),
    recurrenceDueHandler(db),
    sendEmailHandler(db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    burndownHandler(db),
    velocityHandler(db),
    ...aiHandlers({ db, env }),
    embedTasksHandler({ db, env }),
    dispatchNotificationsHandler(db),
    dueSoonHandler(db),
    scanAttachmentHandler({ db, env }),
    deliverWebhookHandler({ db, env }),
    notifySlackHandler({ db, env }),
    notificationDigestHandler(db, { delayMinutes: env.NOTIFICATION_EMAIL_DELAY, webOrigin: env.WEB_ORIGIN }),
    digestHandler({ db, env, reads }),
    dueDigestsHandler({ db, env, reads }),
    checkInRemindersHandler(db),
    blockerEscalationHandler(db),
    xpHandler(db),
    settleStreaksHandler(db),
    rebuildProgressHandler(db),
    analyseEntryHandler({ db, env }),
    reanalyseEntriesHandler({ db, env }),
    worklogExportHandler({ db }),
  ];
}
