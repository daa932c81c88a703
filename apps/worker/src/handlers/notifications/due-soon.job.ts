import type { Database } from '@teamflow/db/client';
import { notifyDueSoon } from '@teamflow/core/notifications/due-soon';
import { dueSoonJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const dueSoonHandler = (db: Database) =>
  register(dueSoonJob, async (payload, { log }) => {
    const result = await notifyDueSoon({ db }, { withinHours: payload.withinHours });
    log.info('due-soon pass done', { ...result });
    return result;
  });
