import { Queue } from 'bullmq';
import { bullConnection } from './connection';
import type { JobDefinition, JobPayload } from './define-job';
import { queuePrefix, QUEUES, type QueueName } from './queues';

export type Queues = Record<QueueName, Queue>;

/** Producer-side queues: fail fast when Redis is away (callers keep work in the outbox instead). */
export function createQueues(redisUrl: string, redisKeyPrefix: string): Queues {
  const connection = bullConnection(redisUrl, 'producer');
  const prefix = queuePrefix(redisKeyPrefix);
  return Object.fromEntries(QUEUES.map((name) => [name, new Queue(name, { connection, prefix })])) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q) => q.close()));
}

/** Adds a job after checking its payload against the definition; a bad payload never reaches Redis. */
export async function enqueue<D extends JobDefinition>(
  queues: Queues,
  def: D,
  payload: JobPayload<D>,
  options: { jobId?: string; delayMs?: number } = {},
): Promise<string> {
  const data = def.payload.parse(payload) as JobPayload<D>;
  const job = await queues[def.queue].add(def.name, data, {
    ...def.options,
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.delayMs ? { delay: options.delayMs } : {}),
    ...(def.dedupeId && def.debounceMs
      ? {
          delay: def.debounceMs,
          deduplication: { id: def.dedupeId(data), ttl: def.debounceMs, extend: true, replace: true },
        }
      : def.dedupeId
        ? { deduplication: { id: def.dedupeId(data), keepLastIfActive: true } }
        : {}),
  });
  return job.id!;
}
