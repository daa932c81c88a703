import type { Database } from '@teamflow/db/client';
import { consumeXpEvents } from '@teamflow/core/progress/consume-xp-events';
import { xpJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * progress/xp catches a workspace up with its event stream. Its staged job is not claimed: the
 * xp cursor is its claim, moved in the same transaction as the awards it covers, so a rerun finds
 * nothing left to pay. A claim would be wrong here: the job works in batches of transactions, and
 * one claimed in its first batch would, after a failure in a later one, skip on its retry. The
 * runtime marks the row done after the handler.
 */
export const xpHandler = (db: Database) =>
  register(xpJob, async (payload, { log }) => {
    const result = await consumeXpEvents({ db }, payload.workspaceId);
    log.info('xp events consumed', { workspaceId: payload.workspaceId, ...result });
    return result;
  });
