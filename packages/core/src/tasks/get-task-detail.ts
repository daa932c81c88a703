import type { TaskDetail } from '@teamflow/contracts/task-links';
import { toDecisionRef } from '../decisions/decision.mapper';
import { decisionsOfTask } from '../decisions/decisions.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toTask } from './task.mapper';
import { findTaskRecord } from './tasks.repository';

/** `GET /tasks/:taskId`: the task, and the decisions linked to it when there are any. */
export async function getTaskDetail(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<TaskDetail> {
  const [row, decisions] = await Promise.all([
    findTaskRecord(deps.db, taskId),
    decisionsOfTask(deps.db, ctx.workspaceId, taskId),
  ]);
  if (!row) throw notFound('Task');
  const task = toTask(row);
  return decisions.length > 0 ? { ...task, decisions: decisions.map(toDecisionRef) } : task;
}
