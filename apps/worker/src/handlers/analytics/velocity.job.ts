import type { Database } from '@teamflow/db/client';
import { refreshVelocity } from '@teamflow/core/analytics/refresh-velocity';
import { velocityJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** Recomputes a project's velocity and replaces its snapshot (running it twice is harmless). */
export const velocityHandler = (db: Database) =>
  register(velocityJob, async (payload, { log }) => {
    const velocity = await refreshVelocity(db, payload.workspaceId, payload.projectId, { force: true });
    log.info('velocity snapshot written', { projectId: payload.projectId, sprints: velocity.sprints.length });
    return { sprints: velocity.sprints.length, average: velocity.averageCompletedPoints };
  });
