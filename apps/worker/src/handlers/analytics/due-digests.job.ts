import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { ReadRouter } from '@teamflow/db/read-replica';
import { runDueDigests } from '@teamflow/core/digests/run-due-digests';
import { dueDigestsJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** The digest schedule: each workspace past its digest time gets the day's digest once. */
export const dueDigestsHandler = (deps: { db: Database; env: Env; reads: ReadRouter }) =>
  register(dueDigestsJob, async (_payload, { log }) => {
    const result = await runDueDigests(deps);
    log.info('due digests pass done', { ...result });
    return result;
  });
