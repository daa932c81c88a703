import type { TaskMoveVia } from '@teamflow/contracts/activity';
import type { Task, TaskMove } from '@teamflow/contracts/tasks';
import { emitEvent } from '../events/emit-event';
import { taskChange, type TaskChangeScope } from './task-event';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { invalid, notFound } from '../platform/errors';
import { stageRecurrenceOnDone } from '../recurrence/stage-recurrence';
import { completedAtAfter } from './completion';
import { between, hasRoomBetween, POSITION_GAP } from './positions';
import { toTask } from './task.mapper';
import {
  findTaskBrief,
  findTaskRecord,
  neighbourPosition,
  rebalanceColumn,
  updateTaskIfVersion,
} from './tasks.repository';
import { staleTask } from './stale-task';
import type { DbOrTx } from '@teamflow/db/client';

async function anchorPosition(
  db: DbOrTx,
  id: string | undefined,
  field: 'afterId' | 'beforeId',
  column: { projectId: string; status: string },
): Promise<number | undefined> {
  if (!id) return undefined;
  const anchor = await findTaskBrief(db, id);
  if (!anchor || anchor.projectId !== column.projectId || anchor.status !== column.status) {
    throw invalid([{ field, message: 'Must be a task in the target column' }]);
  }
  return anchor.position;
}

/** Finds the gap the card lands in; writes one row unless the gap is exhausted (then re-spaces that column once). */
async function landingPosition(
  db: DbOrTx,
  taskId: string,
  projectId: string,
  input: TaskMove,
): Promise<number> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const column = { projectId, status: input.status };
    let above = await anchorPosition(db, input.afterId, 'afterId', column);
    let below = await anchorPosition(db, input.beforeId, 'beforeId', column);
    if (above !== undefined && below === undefined) {
      below = await neighbourPosition(db, projectId, input.status, above, 'below', taskId);
    } else if (below !== undefined && above === undefined) {
      above = await neighbourPosition(db, projectId, input.status, below, 'above', taskId);
    } else if (above === undefined && below === undefined) {
      above = await neighbourPosition(db, projectId, input.status, Number.MAX_VALUE, 'above', taskId);
    }
    if (above !== undefined && below !== undefined && above >= below) {
      throw invalid([{ field: 'beforeId', message: 'afterId must come before beforeId in the column' }]);
    }
    if (hasRoomBetween(above, below)) return between(above, below);
    await rebalanceColumn(db, projectId, input.status, POSITION_GAP);
  }
  throw invalid([{ field: 'beforeId', message: 'Could not place the task; reload the board and try again' }]);
}

export async function moveTask(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  input: TaskMove,
): Promise<Task> {
  return deps.db.transaction((tx) => moveTaskIn(tx, ctx, taskId, input));
}

/**
 * The move in the caller's transaction. `via` joins the activity's changes: an integration that
 * moves a task (with no member as actor) says which, and why.
 */
export async function moveTaskIn(
  tx: DbOrTx,
  ctx: TaskChangeScope,
  taskId: string,
  input: TaskMove,
  via: TaskMoveVia = {},
): Promise<Task> {
  const before = await findTaskRecord(tx, taskId);
  if (!before) throw notFound('Task');
  if (before.version !== input.version) return staleTask(tx, taskId);
  if (input.afterId === taskId || input.beforeId === taskId) {
    throw invalid([
      {
        field: input.afterId === taskId ? 'afterId' : 'beforeId',
        message: 'A task cannot be placed next to itself',
      },
    ]);
  }
  const position = await landingPosition(tx, taskId, before.projectId, input);
  const statusChanged = input.status !== before.status;
  const row = await updateTaskIfVersion(tx, taskId, input.version, {
    status: input.status,
    position,
    ...(statusChanged ? { completedAt: completedAtAfter(before, input.status, new Date()) } : {}),
  });
  if (!row) return staleTask(tx, taskId);
  if (statusChanged && row.sprintId) {
    await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: row.projectId }, [
      row.sprintId,
    ]);
  }
  const task = toTask({
    ...row,
    projectKey: before.projectKey,
    assigneeIds: before.assigneeIds,
    labelIds: before.labelIds,
  });
  if (statusChanged) await stageRecurrenceOnDone(tx, task);
  await emitEvent(
    tx,
    'TASK_MOVED',
    task,
    taskChange(ctx, task, 'moved', {
      ...(statusChanged
        ? { status: { from: before.status, to: task.status } }
        : { position: { from: before.position, to: position } }),
      ...via,
    }),
  );
  return task;
}
