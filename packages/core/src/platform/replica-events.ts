import type { ReadRouterOptions } from '@teamflow/db/read-replica';
import type { Logger } from './logger';

/** The read router's events in the process log: the replica going away and back, a lost write mark. */
export function logReplicaEvents(logger: Logger): NonNullable<ReadRouterOptions['onEvent']> {
  return (event, error) =>
    logger[event === 'replica-up' ? 'info' : 'warn'](`read replica: ${event}`, {
      error: error instanceof Error ? error.message : undefined,
    });
}
