import type { Database } from '@teamflow/db/client';
import { escalateBlockers } from '@teamflow/core/blockers/escalate-blockers';
import { blockerEscalationJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** The escalation schedule: each level of each open blocker fires once. */
export const blockerEscalationHandler = (db: Database) =>
  register(blockerEscalationJob, async (_payload, { log }) => {
    const result = await escalateBlockers({ db });
    log.info('blocker escalation pass done', { ...result });
    return result;
  });
