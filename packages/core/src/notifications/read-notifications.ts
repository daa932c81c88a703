import { z } from 'zod';
import type {
  Notification,
  NotificationListQuery,
  NotificationPage,
  ReadAllResult,
  UnreadCount,
} from '@teamflow/contracts/notifications';
import type { CoreDeps, Ctx } from '../platform/context';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { notFound } from '../platform/errors';
import { toNotification } from './notification.mapper';
import { countUnread, listNotificationRows, markAllRead, markRead } from './notifications.repository';

/** The caller's notifications, newest first (`unread` keeps only unread ones). */
export async function listNotifications(
  deps: CoreDeps,
  ctx: Ctx,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const after = query.cursor
    ? decodeCursor(query.cursor, z.tuple([z.iso.datetime({ offset: true }), z.uuid()]))
    : undefined;
  const rows = await listNotificationRows(deps.db, ctx.actor.id, {
    unread: query.unread,
    limit: query.limit + 1,
    after: after && { createdAt: after[0], id: after[1] },
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toNotification),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.id]) : null,
  };
}

export async function unreadCount(deps: CoreDeps, ctx: Ctx): Promise<UnreadCount> {
  return { count: await countUnread(deps.db, ctx.actor.id) };
}

/** Someone else's notification is indistinguishable from a missing one (404). */
export async function readNotification(deps: CoreDeps, ctx: Ctx, id: string): Promise<Notification> {
  const row = await markRead(deps.db, ctx.actor.id, id);
  if (!row) throw notFound('Notification');
  return toNotification(row);
}

export async function readAllNotifications(deps: CoreDeps, ctx: Ctx): Promise<ReadAllResult> {
  return { updated: await markAllRead(deps.db, ctx.actor.id) };
}
