import { Queue } from 'bullmq';
import { bullConnection, releaseBullConnection } from './connection';
import type { JobDefinition, JobPayload } from './define-job';
import { queuePrefix, QUEUES, type QueueName } from './queues';

export type Queues = Record<QueueName, Queue>;

/**
 * Producer-side queues: fail fast when Redis is away (callers keep work in the outbox instead).
 * `clusterNodes` (REDIS_CLUSTER_NODES): on a Redis Cluster, all queues share one `Cluster`.
 */
export function createQueues(
  redisUrl: string,
  redisKeyPrefix: string,
  clusterNodes?: readonly string[],
): Queues {
  const connection = bullConnection(redisUrl, 'producer', clusterNodes);
  const prefix = queuePrefix(redisKeyPrefix, clusterNodes !== undefined);
  return Object.fromEntries(QUEUES.map((name) => [name, new Queue(name, { connection, prefix })])) as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  const all = Object.values(queues);
  try {
    await Promise.all(all.map((q) => q.close()));
  } finally {
    releaseBullConnection(all[0]!.opts.connection);
  }
}

/** Adds a job after checking its payload against the definition; a bad payload never reaches Redis. */
export async function enqueue<D extends JobDefinition>(
  queues: Queues,
  def: D,
  payload: JobPayload<D>,
  options: { jobId?: string; delayMs?: number; timestamp?: number } = {},
): Promise<string> {
  const data = def.payload.parse(payload) as JobPayload<D>;
  const job = await queues[def.queue].add(def.name, data, {
    ...def.options,
    ...(options.jobId ? { jobId: options.jobId } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
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
