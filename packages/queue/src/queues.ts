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

/** BullMQ key prefix: environments and test runs each get their own keyspace. */
export function queuePrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}bull`;
}
