import type { Database } from '@teamflow/db/client';
import { runCleanup } from '@teamflow/core/maintenance/cleanup';
import { cleanupJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const cleanupHandler = (db: Database) =>
  register(cleanupJob, async (payload, { log }) => {
    const removed = await runCleanup({ db }, payload);
    log.info('cleanup done', { ...removed });
    return removed;
  });
