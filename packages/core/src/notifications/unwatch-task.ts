import type { WatchState } from '@teamflow/contracts/notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findTaskContext, removeWatcher } from './notifications.repository';

export async function unwatchTask(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<WatchState> {
  if (!(await findTaskContext(deps.db, taskId))) throw notFound('Task');
  await removeWatcher(deps.db, taskId, ctx.actor.id);
  return { taskId, watching: false };
}
