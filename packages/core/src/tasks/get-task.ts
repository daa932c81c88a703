import type { Task } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toTask } from './task.mapper';
import { findTaskRecord } from './tasks.repository';

export async function getTask(deps: CoreDeps, _ctx: WorkspaceCtx, taskId: string): Promise<Task> {
  const row = await findTaskRecord(deps.db, taskId);
  if (!row) throw notFound('Task');
  return toTask(row);
}
