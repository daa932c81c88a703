import { z } from 'zod';
import { Id, page, PageQuery, Timestamp } from './common';

export const NotificationType = z.enum([
  'assigned',
  'mentioned',
  'commented',
  'due_soon',
  'check_in_reminder',
  'blocker_escalated',
  'mood_trend',
  'daily_digest',
]);
export type NotificationType = z.infer<typeof NotificationType>;

/**
 * Types that are an email and nothing in the inbox: `daily_digest` is the workspace's daily digest
 * mailed to members who opt in (in the app it is the Digest page). Their `inApp` is always false.
 */
export const EMAIL_ONLY_TYPES: readonly NotificationType[] = ['daily_digest'];

/** A type's setting until the user changes it: both on, except the opt-in digest email (off). */
export function defaultPreference(type: NotificationType): { inApp: boolean; email: boolean } {
  return EMAIL_ONLY_TYPES.includes(type) ? { inApp: false, email: false } : { inApp: true, email: true };
}

/** What the inbox shows without another request: the task, who did it, a comment excerpt, the due date. */
export const NotificationData = z.object({
  taskKey: z.string().optional(),
  taskTitle: z.string().optional(),
  projectId: Id.optional(),
  actorName: z.string().optional(),
  commentId: Id.optional(),
  excerpt: z.string().optional(),
  dueDate: z.string().optional(),
  /** Where a mention was made: a comment or the task description. */
  source: z.enum(['comment', 'description']).optional(),
  /** Check-in reminders: the local date with no update yet. */
  date: z.string().optional(),
  /** Blocker escalations: which blocker, its title and the level reached. */
  blockerId: Id.optional(),
  blockerTitle: z.string().optional(),
  escalationLevel: z.number().int().optional(),
  /** Mood trend alerts: the team's average on the last of the low days. */
  moodAverage: z.number().optional(),
});
export type NotificationData = z.infer<typeof NotificationData>;

export const Notification = z.object({
  id: Id,
  type: NotificationType,
  workspaceId: Id,
  taskId: Id.nullable(),
  actorId: Id.nullable(),
  data: NotificationData,
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = page(Notification);
export type NotificationPage = z.infer<typeof NotificationPage>;

export const NotificationListQuery = PageQuery.extend({
  unread: z.stringbool().optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationParams = z.object({ notificationId: Id });

export const UnreadCount = z.object({ count: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCount>;

export const ReadAllResult = z.object({ updated: z.number().int().min(0) });
export type ReadAllResult = z.infer<typeof ReadAllResult>;

export const NotificationPreference = z.object({
  type: NotificationType,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreference = z.infer<typeof NotificationPreference>;

/** Every type, always (a type the user never changed shows `defaultPreference`). */
export const NotificationPreferences = z.object({ items: z.array(NotificationPreference) });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** The types to change; types left out keep their setting. */
export const NotificationPreferencesUpdate = z.object({
  items: z
    .array(NotificationPreference)
    .min(1)
    .max(NotificationType.options.length)
    .refine((items) => new Set(items.map((i) => i.type)).size === items.length, 'Each type at most once'),
});
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

export const WatchState = z.object({ taskId: Id, watching: z.boolean() });
export type WatchState = z.infer<typeof WatchState>;

/** The `data` of a realtime `NOTIFICATION` event, emitted only to room `user:{userId}`. */
export const NotificationEventData = z.object({ userId: Id, notification: Notification });
export type NotificationEventData = z.infer<typeof NotificationEventData>;

/**
 * Mentions in comments and descriptions: `@[Display Name](userId)`. The web composer inserts this
 * token when a member is picked from the autocomplete; the name is only for display.
 */
export const MENTION_PATTERN =
  /@\[([^\]\n]{1,100})\]\(([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

/** The distinct user ids mentioned in a markdown text, in order of first mention. */
export function mentionedUserIds(text: string | null | undefined): string[] {
  if (!text) return [];
  const ids = [...text.matchAll(MENTION_PATTERN)].map((m) => m[2]!.toLowerCase());
  return [...new Set(ids)];
}

/** One line for a notification, worded the same in the inbox and the digest email. */
export function notificationText(n: Pick<Notification, 'type' | 'data'>): string {
  const task = [n.data.taskKey, n.data.taskTitle].filter(Boolean).join(' ') || 'a task';
  const who = n.data.actorName ?? 'Someone';
  switch (n.type) {
    case 'assigned':
      return `${who} assigned you to ${task}`;
    case 'mentioned':
      return `${who} mentioned you in ${n.data.source === 'description' ? 'the description of' : 'a comment on'} ${task}`;
    case 'commented':
      return `${who} commented on ${task}${n.data.excerpt ? `: "${n.data.excerpt}"` : ''}`;
    case 'due_soon':
      return `${task} is due ${n.data.dueDate ?? 'soon'}`;
    case 'check_in_reminder':
      return `Time for your check-in${n.data.date ? ` for ${n.data.date}` : ''}`;
    case 'blocker_escalated':
      return `Blocker still open${n.data.escalationLevel ? ` (level ${n.data.escalationLevel})` : ''}: ${n.data.blockerTitle ?? 'a blocker'}`;
    case 'mood_trend':
      return `Team mood has been below 2.5 for 3 days (to ${n.data.date ?? 'today'})`;
    case 'daily_digest':
      return `The digest${n.data.date ? ` for ${n.data.date}` : ''} is ready`;
  }
}

/** The web path that opens the notification's task (the board with its drawer), or the inbox. */
export function notificationPath(n: Pick<Notification, 'workspaceId' | 'taskId' | 'data'>): string {
  if (n.data.blockerId) return `/w/${n.workspaceId}/blockers`;
  if (n.data.date && !n.taskId)
    return `/w/${n.workspaceId}/${n.data.moodAverage === undefined ? 'updates' : 'digest'}`;
  if (!n.taskId || !n.data.projectId) return '/notifications';
  return `/w/${n.workspaceId}/p/${n.data.projectId}?task=${n.taskId}`;
}
