import { z } from 'zod';
import type { NotificationListQuery, NotificationPage } from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toNotification } from './notification.mapper';
import { listNotificationRows } from './notifications.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('notifications'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The caller's notifications, newest first (`unread` keeps only unread ones). */
export async function listNotifications(
  deps: CoreDeps,
  ctx: Ctx,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listNotificationRows(deps.db, ctx.actor.id, {
    unread: query.unread,
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'notifications',
    last.cursorAt,
    last.id,
  ]);
  return {
    items: page.map(toNotification),
    nextCursor,
  };
}
