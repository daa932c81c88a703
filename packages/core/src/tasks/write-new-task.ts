import type { Task } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../events/emit-event';
import type { WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { POSITION_GAP } from './positions';
import { insertTask, type NewTask } from './task-creation.repository';
import { taskChange } from './task-event';
import { toTask } from './task.mapper';

/** Inserts a numbered task at the bottom of its column and emits TASK_CREATED, in the caller's transaction. */
export async function writeNewTask(
  tx: DbOrTx,
  ctx: WorkspaceCtx,
  draft: NewTask,
  numbered: { number: number; key: string },
): Promise<Task> {
  const row = await insertTask(tx, draft, numbered, POSITION_GAP);
  if (!row) throw notFound('Project');
  const task = toTask({ ...row, assigneeIds: draft.assigneeIds, labelIds: draft.labelIds });
  await emitEvent(
    tx,
    'TASK_CREATED',
    task,
    taskChange(ctx, task, 'created', { title: task.title, status: task.status }),
  );
  return task;
}
