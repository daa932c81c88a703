import type { z } from 'zod';
import type { DigestJob, DigestJobResult } from '@teamflow/contracts/ai';
import type { JobDefinition, JobPayload } from '@teamflow/queue/define-job';
import { digestJob } from '@teamflow/queue/jobs';
import type { QueueName } from '@teamflow/queue/queues';
import type { StagedJobRow } from './job-outbox.repository';

/** A kind of outbox job that the api hands to workspace members (the `{jobId}` of a 202). */
export interface WorkspaceJobKind {
  queue: QueueName;
  name: string;
  kind: DigestJob['kind'];
  /**
   * What a completed job did, read from its stored payload (its handler's work is keyed by it);
   * undefined when the payload no longer fits the definition.
   */
  result(payload: unknown): DigestJobResult | undefined;
}

function workspaceJob<D extends JobDefinition<z.ZodType<{ workspaceId: string }>>>(
  def: D,
  kind: WorkspaceJobKind['kind'],
  result: (payload: JobPayload<D>) => DigestJobResult,
): WorkspaceJobKind {
  return {
    queue: def.queue,
    name: def.name,
    kind,
    result: (payload) => {
      const parsed = def.payload.safeParse(payload);
      return parsed.success ? result(parsed.data as JobPayload<D>) : undefined;
    },
  };
}

/**
 * The outbox jobs `GET /jobs/:jobId` answers, and nothing else: each is handed out by a route to
 * members of a workspace, and its payload names that workspace (`workspaceId`, the fence the
 * access scope reads). Every other outbox row (emails, notifications, …) is nobody's to poll: 404.
 */
export const WORKSPACE_JOBS: readonly WorkspaceJobKind[] = [
  // The handler writes the payload's day, claiming the row in the same transaction: done means written.
  workspaceJob(digestJob, 'digest', (payload) => ({ date: payload.date })),
];

export const findWorkspaceJobKind = (queue: string, name: string): WorkspaceJobKind | undefined =>
  WORKSPACE_JOBS.find((k) => k.queue === queue && k.name === name);

/** `outbox-<n>`, the other form of a job id (an AI job's is a UUID). */
export const isOutboxJobId = (jobId: string): boolean => jobId.startsWith('outbox-');

/**
 * The outbox row behind `outbox-<n>`: only the ids the relay gives (no leading zeros, a number
 * PostgreSQL's bigint and JavaScript both hold exactly). Any other is no job of ours.
 */
export function outboxJobRow(jobId: string): number | undefined {
  const match = /^outbox-([1-9]\d{0,15})$/.exec(jobId);
  const row = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(row) ? row : undefined;
}

// The outbox keeps no reason (the worker logs it); a reason could name internals anyway.
const FAILED = { code: 'INTERNAL_ERROR', message: 'The job could not run; try again' };

/**
 * The row as `GET /jobs/:jobId` shows it. `active` is BullMQ's word on an enqueued row; the row's
 * own state decides everything else.
 */
export function toWorkspaceJob(
  row: StagedJobRow,
  kind: WorkspaceJobKind,
  workspaceId: string,
  active: boolean,
): DigestJob {
  const state =
    row.state === 'done' ? 'completed' : row.state === 'failed' ? 'failed' : active ? 'active' : 'queued';
  const result = state === 'completed' ? kind.result(row.payload) : undefined;
  return {
    id: `outbox-${row.id}`,
    kind: kind.kind,
    subjectId: workspaceId,
    state,
    progress: state === 'completed' ? 100 : 0,
    ...(result ? { result } : {}),
    ...(state === 'failed' ? { error: FAILED } : {}),
    provider: null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
