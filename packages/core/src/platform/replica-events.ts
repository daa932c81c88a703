import type { ReadRouterOptions } from '@teamflow/db/read-replica';
import type { Logger } from './logger';

/** The driver's message under Drizzle's "Failed query" wrapper. */
function rootMessage(error: unknown): string | undefined {
  let e = error;
  while (e && typeof e === 'object' && (e as { cause?: unknown }).cause) e = (e as { cause?: unknown }).cause;
  return e && typeof e === 'object' && 'message' in e ? String(e.message) : undefined;
}

/** The read router's events in the process log: the replica going away and back, a lost write mark. */
export function logReplicaEvents(logger: Logger): NonNullable<ReadRouterOptions['onEvent']> {
  return (event, error) =>
    logger[event === 'replica-up' ? 'info' : 'warn'](`read replica: ${event}`, { error: rootMessage(error) });
}
