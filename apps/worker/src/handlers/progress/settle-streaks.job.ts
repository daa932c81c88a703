import type { Database } from '@teamflow/db/client';
import { settleStreaks } from '@teamflow/core/progress/settle-streaks';
import { settleStreaksJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const settleStreaksHandler = (db: Database) =>
  register(settleStreaksJob, async (_payload, { log }) => {
    const result = await settleStreaks({ db });
    log.info('streaks settled', result);
    return result;
  });
