import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { burndownHandler } from './analytics/burndown.job';
import { velocityHandler } from './analytics/velocity.job';
import { sendEmailHandler, type MailSettings } from './email/send.job';
import { cleanupHandler } from './maintenance/cleanup.job';

const DEV_MAIL: MailSettings = { from: 'TeamFlow <no-reply@teamflow.local>' };

/** Every handler the worker process runs. */
export function allHandlers(db: Database, mail: MailSettings = DEV_MAIL): Registration[] {
  return [cleanupHandler(db), sendEmailHandler(db, mail), burndownHandler(db), velocityHandler(db)];
}
