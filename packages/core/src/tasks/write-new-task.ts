import type { Task } from '@teamflow/contracts/tasks';
import type { DbOrTx } from '@teamflow/db/client';
import { outboxEntry } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { POSITION_GAP } from './positions';
import { insertTaskWithEvent, type NewTask } from './task-creation.repository';
import { taskChange } from './task-event';
import { taskKey, toTask } from './task.mapper';

/**
 * Numbers a draft within its project, inserts it at the bottom of its column and emits
 * TASK_CREATED, all in one statement: in the caller's transaction (the statement NOTIFYs, delivered
 * at that commit), or committed on its own, when `relay` (this process's outbox relay, if it runs
 * one; never with a transaction) is told after the commit instead. Undefined, with nothing
 * written, when the project is gone.
 */
export async function writeNewTask(
  db: DbOrTx,
  ctx: WorkspaceCtx,
  draft: NewTask,
  relay?: CoreDeps['outboxRelay'],
): Promise<Task | undefined> {
  // The event carries the task as the statement writes it; number, key and position are the
  // database's, filled in by the statement (placeholders here) and read back for the answer.
  const placeholder = toTask({
    ...draft,
    number: 0,
    projectKey: '',
    position: 0,
    version: 1,
    createdAt: draft.at,
    updatedAt: draft.at,
    deletedAt: null,
  });
  const event = outboxEntry(
    {
      type: 'TASK_CREATED',
      data: placeholder,
      meta: taskChange(ctx, placeholder, 'created', { title: draft.title, status: draft.status }),
    },
    draft.at,
  );
  // A NOTIFY holds a database-wide lock from its commit until the WAL is flushed, so every
  // event-writing commit waits for the one before; the local relay is woken for free.
  const written = await insertTaskWithEvent(db, draft, event, POSITION_GAP, !relay);
  if (!written) return undefined;
  relay?.committed();
  return {
    ...placeholder,
    number: written.number,
    key: taskKey(written.key, written.number),
    position: written.position,
  };
}
