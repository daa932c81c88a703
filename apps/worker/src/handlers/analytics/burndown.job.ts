import type { Database } from '@teamflow/db/client';
import { refreshBurndown } from '@teamflow/core/analytics/refresh-burndown';
import { burndownJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** Recomputes a sprint's burndown and replaces its snapshot (running it twice is harmless). */
export const burndownHandler = (db: Database) =>
  register(burndownJob, async (payload, { log }) => {
    const burndown = await refreshBurndown(db, payload.sprintId, { force: true });
    log.info('burndown snapshot written', { sprintId: payload.sprintId, days: burndown.days.length });
    return { days: burndown.days.length, committedPoints: burndown.committedPoints };
  });
