import type { Database } from '@teamflow/db/client';
import { rebuildUserStats } from '@teamflow/core/progress/rebuild-user-stats';
import { rebuildProgressJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

export const rebuildProgressHandler = (db: Database) =>
  register(rebuildProgressJob, async (payload, { log }) => {
    const result = await rebuildUserStats({ db }, { workspaceId: payload.workspaceId });
    log.info('progress rebuilt from xp_events', result);
    return result;
  });
