import { loadEnv, type Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { burndownHandler } from './analytics/burndown.job';
import { velocityHandler } from './analytics/velocity.job';
import { aiHandlers } from './ai/run-ai.job';
import { sendEmailHandler, type MailSettings } from './email/send.job';
import { cleanupHandler } from './maintenance/cleanup.job';

const DEV_MAIL: MailSettings = { from: 'TeamFlow <no-reply@teamflow.local>' };

/** Every handler the worker process runs. `env` configures the AI providers (default: local only). */
export function allHandlers(db: Database, mail: MailSettings = DEV_MAIL, env?: Env): Registration[] {
  const aiEnv = env ?? loadEnv({ NODE_ENV: 'test', AI_PROVIDER: 'local' });
  return [
    cleanupHandler(db),
    sendEmailHandler(db, mail),
    burndownHandler(db),
    velocityHandler(db),
    ...aiHandlers({ db, env: aiEnv }),
  ];
}
