import type { DbOrTx } from '@teamflow/db/client';
import { xpJob } from '@teamflow/queue/jobs';
import { stageJobOnce } from '../jobs/job-outbox.repository';
import { XP_SOURCE_TYPES } from '../progress/xp-sources';

const XP_TYPES = new Set<string>(XP_SOURCE_TYPES);

/**
 * The stream's job consumers, woken by the relay in the transaction that publishes a batch: a
 * workspace whose batch holds an XP source event gets one `progress/xp` job (it reads the events
 * itself, in seq order, from its cursor). Staged with the publish, so nothing published is missed.
 */
export async function stageEventConsumers(
  tx: DbOrTx,
  published: { workspaceId: string; type: string }[],
): Promise<void> {
  const workspaces = new Set(published.filter((e) => XP_TYPES.has(e.type)).map((e) => e.workspaceId));
  for (const workspaceId of workspaces) await stageJobOnce(tx, xpJob, { workspaceId });
}
