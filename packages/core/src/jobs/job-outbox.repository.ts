import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '@teamflow/db/client';
import { jobOutbox } from '@teamflow/db/schema/index';
import type { JobState } from '@teamflow/db/schema/mail';
import type { JobDefinition, JobPayload } from '@teamflow/queue/define-job';

export interface PendingJob {
  id: number;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  /** When it was staged: the BullMQ job's timestamp, which tells it from a job of a reused id. */
  createdAt: Date;
}

type PendingRow = {
  id: string;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  created_at: Date | string;
};
const toPendingJob = (r: PendingRow): PendingJob => ({
  id: Number(r.id),
  queue: r.queue,
  name: r.name,
  payload: r.payload,
  createdAt: new Date(r.created_at),
});

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
  const result = await tx.execute<PendingRow>(
    sql`select id, queue, name, payload, created_at from job_outbox where enqueued_at is null and state = 'staged' order by id limit ${limit} for update skip locked`,
  );
  return result.rows.map(toPendingJob);
}

export async function markJobsEnqueued(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(jobOutbox)
    .set({ enqueuedAt: sql`now()`, state: 'enqueued' })
    .where(and(inArray(jobOutbox.id, ids), eq(jobOutbox.state, 'staged')));
}

/** Staged jobs whose work another job already covers (BullMQ deduplication kept the other one). */
export async function markJobsCoalesced(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(jobOutbox)
    .set({ enqueuedAt: sql`now()`, state: 'done', finishedAt: sql`now()` })
    .where(inArray(jobOutbox.id, ids));
}

/**
 * Enqueued jobs not finished yet, added to BullMQ before `enqueuedBefore`, locked until the
 * transaction ends (a second reconciler skips them). The reconciler asks BullMQ about each.
 */
export async function lockUnfinishedJobs(
  tx: Tx,
  enqueuedBefore: Date,
  afterId: number,
  limit: number,
): Promise<PendingJob[]> {
  const result = await tx.execute<PendingRow>(
    sql`select id, queue, name, payload, created_at from job_outbox
        where state = 'enqueued' and enqueued_at < ${enqueuedBefore.toISOString()}::timestamptz and id > ${afterId}
        order by id limit ${limit} for update skip locked`,
  );
  return result.rows.map(toPendingJob);
}

/** Re-added to BullMQ by the reconciler: counted, and its enqueue time restarts the clock. */
export async function markJobsRequeued(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(jobOutbox)
    .set({ enqueuedAt: sql`now()`, requeues: sql`${jobOutbox.requeues} + 1` })
    .where(and(inArray(jobOutbox.id, ids), eq(jobOutbox.state, 'enqueued')));
}

/**
 * Records how a job ended, once: returns false when the row was already done (the job ran before;
 * a handler claiming it in its own transaction skips its work). Nothing overwrites `done`.
 */
export async function finishJob(db: DbOrTx, id: number, outcome: 'done' | 'failed'): Promise<boolean> {
  const result = await db
    .update(jobOutbox)
    // A job can run before the relay that added it commits (or after its commit failed): the
    // enqueue stamp keeps the relay from adding a finished job again.
    .set({
      state: outcome,
      finishedAt: sql`now()`,
      enqueuedAt: sql`coalesce(${jobOutbox.enqueuedAt}, now())`,
    })
    .where(and(eq(jobOutbox.id, id), ne(jobOutbox.state, 'done')))
    .returning({ id: jobOutbox.id });
  return result.length > 0;
}

export interface StagedJobRow {
  id: number;
  queue: string;
  name: string;
  payload: Record<string, unknown>;
  state: JobState;
  createdAt: Date;
  finishedAt: Date | null;
}

/** One row of the job outbox, whatever its state, or undefined when there is no such row. */
export async function findStagedJob(db: DbOrTx, id: number): Promise<StagedJobRow | undefined> {
  const [row] = await db
    .select({
      id: jobOutbox.id,
      queue: jobOutbox.queue,
      name: jobOutbox.name,
      payload: jobOutbox.payload,
      state: jobOutbox.state,
      createdAt: jobOutbox.createdAt,
      finishedAt: jobOutbox.finishedAt,
    })
    .from(jobOutbox)
    .where(eq(jobOutbox.id, id));
  return row;
}

/** A staged job's state, or undefined when there is no such row. */
export async function jobState(db: DbOrTx, id: number): Promise<string | undefined> {
  const [row] = await db.select({ state: jobOutbox.state }).from(jobOutbox).where(eq(jobOutbox.id, id));
  return row?.state;
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
