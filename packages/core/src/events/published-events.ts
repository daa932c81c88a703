import type { Database } from '@teamflow/db/client';
import type { StreamedEvent } from './event-stream';
import { lastPublishedId, publishedAfter } from './outbox.repository';

/**
 * Published events after an outbox id, read back from PostgreSQL in the stream's own shape (with
 * the seqs the relay gave them): how a stream reader recovers what a Redis that restarted empty or
 * failed over took with it before the reader had seen it.
 */
export async function publishedEventsAfter(
  db: Database,
  afterId: number,
  limit = 500,
): Promise<Array<StreamedEvent & { id: number }>> {
  return (await publishedAfter(db, afterId, limit)).map((row) => ({
    id: row.id,
    event: { ...row.payload, seq: row.seq ?? 0 },
    projectId: row.projectId,
    taskId: row.taskId,
  }));
}

/** The newest published outbox id (0 when none): a reader starting now has seen up to here. */
export const newestPublishedId = (db: Database) => lastPublishedId(db);
