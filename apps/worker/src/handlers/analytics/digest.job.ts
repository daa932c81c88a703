import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import type { ReadRouter } from '@teamflow/db/read-replica';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { digestJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * One workspace's digest for one date; `force` (regenerate) replaces the day's one row. Its staged
 * job is claimed in the transaction that writes the row.
 */
export const digestHandler = (deps: { db: Database; env: Env; reads: ReadRouter }) =>
  register(digestJob, async (payload, { job, log }) => {
    const { digest, written } = await generateDigest(deps, payload.workspaceId, payload.date, {
      force: payload.force,
      job: { id: job.id },
    });
    log.info('digest done', { workspaceId: payload.workspaceId, date: payload.date, written });
    return { written, provider: digest.provider };
  });
