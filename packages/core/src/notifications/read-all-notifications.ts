import type { ReadAllResult } from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { markAllRead } from './notifications.repository';

export async function readAllNotifications(deps: CoreDeps, ctx: Ctx): Promise<ReadAllResult> {
  return { updated: await markAllRead(deps.db, ctx.actor.id) };
}
