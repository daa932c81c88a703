import type { Notification } from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toNotification } from './notification.mapper';
import { markRead } from './notifications.repository';

/** Someone else's notification is indistinguishable from a missing one (404). */
export async function readNotification(deps: CoreDeps, ctx: Ctx, id: string): Promise<Notification> {
  const row = await markRead(deps.db, ctx.actor.id, id);
  if (!row) throw notFound('Notification');
  return toNotification(row);
}
