import type { DbOrTx } from '@teamflow/db/client';
import { finishJob, jobState } from './job-outbox.repository';
import { outboxRowId } from './job-relay';

/**
 * Marks the staged job behind a BullMQ job done, inside the handler's own transaction. Returns
 * false when it was done already: the job ran before (a reconciler re-added it after Redis lost
 * it, or it ran twice after a worker died) and the handler should skip its work, which rolls back
 * nothing since nothing was written. Jobs that did not come from the outbox always return true.
 */
export async function claimStagedJob(tx: DbOrTx, jobId: string | undefined): Promise<boolean> {
  const id = outboxRowId(jobId);
  return id === undefined ? true : finishJob(tx, id, 'done');
}

/**
 * Whether the staged job behind a BullMQ job already ran (its row is done), without claiming it.
 * For handlers that show progress (an `active` or `running` state) before the transaction that
 * claims: a job that already ran must not set its finished work back to running and then, its
 * claim refused, leave it there.
 */
export async function stagedJobDone(db: DbOrTx, jobId: string | undefined): Promise<boolean> {
  const id = outboxRowId(jobId);
  return id !== undefined && (await jobState(db, id)) === 'done';
}

/** Records how a job from the outbox ended (the worker runtime calls it after the handler). */
export async function recordStagedJobOutcome(
  db: DbOrTx,
  jobId: string | undefined,
  outcome: 'done' | 'failed',
): Promise<void> {
  const id = outboxRowId(jobId);
  if (id !== undefined) await finishJob(db, id, outcome);
}
