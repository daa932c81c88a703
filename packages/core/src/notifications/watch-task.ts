import type { WatchState } from '@teamflow/contracts/notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { addWatcher, findTaskContext } from './notifications.repository';

/** Follow a task: its comments notify you like its creator and assignees. Idempotent. */
export async function watchTask(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<WatchState> {
  if (!(await findTaskContext(deps.db, taskId))) throw notFound('Task');
  await addWatcher(deps.db, taskId, ctx.actor.id);
  return { taskId, watching: true };
}
