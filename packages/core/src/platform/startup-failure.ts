import { ConfigError } from '@teamflow/config/env';
import { DatabaseUnavailableError } from '@teamflow/db/setup';
import { RedisUnavailableError } from './redis';

/**
 * Ends a process that could not start. Known causes (bad configuration, PostgreSQL or Redis not
 * answering) are one clear line naming what to do; anything else keeps its stack trace.
 */
export function exitOnStartupFailure(error: unknown, label?: string): never {
  const known =
    error instanceof ConfigError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof RedisUnavailableError;
  if (known) process.stderr.write(`${label ? `${label}: ` : ''}${error.message}\n`);
  else
    process.stderr.write(
      `${label ?? 'teamflow'} failed to start: ${(error as Error).stack ?? String(error)}\n`,
    );
  process.exit(1);
}
