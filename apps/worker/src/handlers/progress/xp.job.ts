import type { Database } from '@teamflow/db/client';
import { consumeXpEvents } from '@teamflow/core/progress/consume-xp-events';
import { xpJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const xpHandler = (db: Database) =>
  register(xpJob, async (payload, { log }) => {
    const result = await consumeXpEvents({ db }, payload.workspaceId);
    log.info('xp events consumed', { workspaceId: payload.workspaceId, ...result });
    return result;
  });
