import { NotificationData, type Notification } from '@teamflow/contracts/notifications';
import type { NotificationRow } from './notifications.repository';

export function toNotification(row: NotificationRow): Notification {
  const data = NotificationData.safeParse(row.data);
  return {
    id: row.id,
    type: row.type,
    workspaceId: row.workspaceId,
    taskId: row.taskId,
    actorId: row.actorId,
    data: data.success ? data.data : {},
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Plain text of a markdown snippet for the inbox: mention tokens become "@Name", cut to `max` chars. */
export function excerpt(markdown: string, max = 140): string {
  const plain = markdown
    .replace(/@\[([^\]\n]{1,100})\]\([0-9a-f-]{36}\)/gi, '@$1')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
