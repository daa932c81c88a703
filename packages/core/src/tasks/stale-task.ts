import type { CoreDeps } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { toTask } from './task.mapper';
import { findTaskRecord } from './tasks.repository';

/** A 409 carrying the task as it now is, so the client can show theirs and yours. */
export async function staleTask(db: CoreDeps['db'], taskId: string): Promise<never> {
  const current = await findTaskRecord(db, taskId);
  if (!current) throw notFound('Task');
  throw conflict('The task was changed by someone else', { current: toTask(current) });
}
