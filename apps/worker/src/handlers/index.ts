import type { Database } from '@teamflow/db/client';
import type { Registration } from '../runtime';
import { cleanupHandler } from './maintenance/cleanup.job';

/** Every handler the worker process runs. */
export function allHandlers(db: Database): Registration[] {
  return [cleanupHandler(db)];
}
