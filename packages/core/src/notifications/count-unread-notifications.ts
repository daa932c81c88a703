import type { UnreadCount } from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { countUnread } from './notifications.repository';

export async function countUnreadNotifications(deps: CoreDeps, ctx: Ctx): Promise<UnreadCount> {
  return { count: await countUnread(deps.db, ctx.actor.id) };
}
