import type { WatchState } from '@teamflow/contracts/notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findTaskContext, isWatching } from './notifications.repository';

export async function getWatchState(deps: CoreDeps, ctx: WorkspaceCtx, taskId: string): Promise<WatchState> {
  if (!(await findTaskContext(deps.db, taskId))) throw notFound('Task');
  return { taskId, watching: await isWatching(deps.db, taskId, ctx.actor.id) };
}
