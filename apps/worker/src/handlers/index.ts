import { loadEnv, type Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { burndownHandler } from './analytics/burndown.job';
import { velocityHandler } from './analytics/velocity.job';
import { embedTasksHandler } from './ai/embed-tasks.job';
import { aiHandlers } from './ai/run-ai.job';
import { sendEmailHandler, type MailSettings } from './email/send.job';
import { cleanupHandler } from './maintenance/cleanup.job';
import { notificationDigestHandler, type DigestSettings } from './notifications/digest.job';
import { dispatchNotificationsHandler } from './notifications/dispatch.job';
import { dueSoonHandler } from './notifications/due-soon.job';

const DEV_MAIL: MailSettings = { from: 'TeamFlow <no-reply@teamflow.local>' };
const DEV_DIGEST: DigestSettings = { delayMinutes: 30, webOrigin: 'http://localhost:3000' };

export interface HandlerSettings {
  mail?: MailSettings;
  digest?: DigestSettings;
  /** Configures the AI providers; without it the AI jobs use the local provider only. */
  env?: Env;
}

/** Every handler the worker process runs. */
export function allHandlers(db: Database, settings: HandlerSettings = {}): Registration[] {
  const aiEnv = settings.env ?? loadEnv({ NODE_ENV: 'test', AI_PROVIDER: 'local' });
  return [
    cleanupHandler(db),
    sendEmailHandler(db, settings.mail ?? DEV_MAIL),
    burndownHandler(db),
    velocityHandler(db),
    ...aiHandlers({ db, env: aiEnv }),
    embedTasksHandler({ db, env: aiEnv }),
    dispatchNotificationsHandler(db),
    dueSoonHandler(db),
    notificationDigestHandler(db, settings.digest ?? DEV_DIGEST),
  ];
}
