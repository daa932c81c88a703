import { inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@teamflow/db/client';
import { jobOutbox } from '@teamflow/db/schema/index';
import type { JobDefinition, JobPayload } from '@teamflow/queue/define-job';

export interface PendingJob {
  id: number;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Records a job to enqueue, in the caller's transaction: it reaches BullMQ only if the change
 * commits, and waits in PostgreSQL while Redis is down (the job relay moves it later).
 */
export async function stageJob<D extends JobDefinition>(
  db: DbOrTx,
  def: D,
  payload: JobPayload<D>,
): Promise<{ jobId: string }> {
  const data = def.payload.parse(payload) as Record<string, unknown>;
  const [row] = await db
    .insert(jobOutbox)
    .values({ queue: def.queue, name: def.name, payload: data })
    .returning({ id: jobOutbox.id });
  // The BullMQ job id the job relay gives it (see job-relay.ts).
  return { jobId: `outbox-${row!.id}` };
}

/** The oldest jobs not yet enqueued, locked until the transaction ends (other relays skip them). */
export async function lockPendingJobs(tx: Tx, limit: number): Promise<PendingJob[]> {
  const result = await tx.execute<{
    id: string;
    queue: string;
    name: string;
    payload: Record<string, unknown>;
  }>(
    sql`select id, queue, name, payload from job_outbox where enqueued_at is null order by id limit ${limit} for update skip locked`,
  );
  return result.rows.map((r) => ({ id: Number(r.id), queue: r.queue, name: r.name, payload: r.payload }));
}

export async function markJobsEnqueued(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(jobOutbox)
    .set({ enqueuedAt: sql`now()` })
    .where(inArray(jobOutbox.id, ids));
}

/**
 * Like `stageJob`, but adds nothing while an identical job (same kind and payload) is still waiting
 * in the outbox: a burst of changes becomes one recompute. Idempotent jobs only.
 */
export async function stageJobOnce<D extends JobDefinition>(
  db: DbOrTx,
  def: D,
  payload: JobPayload<D>,
): Promise<void> {
  const data = JSON.stringify(def.payload.parse(payload));
  await db.execute(sql`
    insert into job_outbox (queue, name, payload)
    select ${def.queue}, ${def.name}, ${data}::jsonb
    where not exists (
      select 1 from job_outbox
      where enqueued_at is null and queue = ${def.queue} and name = ${def.name} and payload = ${data}::jsonb
    )`);
}
