/** Queue names, one per concern (see ARCHITECTURE.md "Queues"). Handlers arrive with their own issues. */
export const QUEUES = [
  'email',
  'notifications',
  'ai',
  'analytics',
  'integrations',
  'maintenance',
  'progress',
  'files',
] as const;
export type QueueName = (typeof QUEUES)[number];

/**
 * BullMQ key prefix: environments and test runs each get their own keyspace. On a Redis Cluster
 * the prefix is a hash tag (`{tf:bull}`): BullMQ's Lua scripts touch several keys of a queue at
 * once, which a cluster allows only within one slot, and the tag puts every queue key in one.
 */
export function queuePrefix(redisKeyPrefix: string, onCluster = false): string {
  return onCluster ? `{${redisKeyPrefix}bull}` : `${redisKeyPrefix}bull`;
}
