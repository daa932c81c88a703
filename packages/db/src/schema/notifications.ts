import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';
import { tasks } from './board';
import { workspaces } from './workspaces';

export const NOTIFICATION_TYPES = [
  'assigned',
  'mentioned',
  'commented',
  'due_soon',
  'check_in_reminder',
  'blocker_escalated',
  'mood_trend',
  // Only a preference (the opt-in digest email): never a row in `notifications`, hence not in its check.
  'daily_digest',
] as const;

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    // What the inbox shows without joins: task key/title, a comment excerpt, the due date.
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    // Makes the dispatch job idempotent: a retried job or a second hourly pass writes nothing new.
    dedupeKey: text('dedupe_key').notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    // Set when the unread-digest email included this row (or decided not to send it).
    emailedAt: timestamp('emailed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('notifications_dedupe_key').on(t.userId, t.dedupeKey),
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc(), t.id.desc()),
    index('notifications_user_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    index('notifications_digest_idx')
      .on(t.createdAt)
      .where(sql`${t.readAt} is null and ${t.emailedAt} is null`),
    check(
      'notifications_type_check',
      sql`${t.type} in ('assigned', 'mentioned', 'commented', 'due_soon', 'check_in_reminder', 'blocker_escalated', 'mood_trend')`,
    ),
  ],
);

// One row per user and type the user changed; a missing row means the type's defaults (see defaultPreference).
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type', { enum: NOTIFICATION_TYPES }).notNull(),
    inApp: boolean('in_app').notNull().default(true),
    email: boolean('email').notNull().default(true),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.type] })],
);

// Users who follow a task without being its creator or assignee; comments notify them too.
export const taskWatchers = pgTable(
  'task_watchers',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.taskId, t.userId] }), index('task_watchers_user_idx').on(t.userId)],
);
