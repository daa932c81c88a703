import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
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
import { workspaces } from './workspaces';

const workspaceId = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });
const userId = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' });

// Every point ever earned, one row per (user, source, kind): a retried or duplicated event finds
// its row already there and pays nothing. Rows of 0 XP are kept with their reason (self_farm,
// daily_cap) so the person sees why, and so "once ever" holds after a 0.
export const xpEvents = pgTable(
  'xp_events',
  {
    id: id(),
    workspaceId: workspaceId(),
    userId: userId(),
    kind: text('kind').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    xp: integer('xp').notNull(),
    reason: text('reason').notNull(),
    label: text('label').notNull(),
    // The person's local date of the work (their zone when it happened): caps and streaks use it,
    // so a rebuild never depends on the zone they have now.
    localDate: date('local_date', { mode: 'string' }).notNull(),
    // What achievements read without joins (e.g. whether the task was created by someone else).
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    // The instant of the event that earned it (not when the job ran).
    earnedAt: timestamp('earned_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('xp_events_source_key').on(t.userId, t.sourceType, t.sourceId, t.kind),
    index('xp_events_source_idx').on(t.sourceType, t.sourceId, t.kind),
    index('xp_events_workspace_user_idx').on(t.workspaceId, t.userId, t.localDate),
    index('xp_events_workspace_date_idx').on(t.workspaceId, t.localDate),
    check('xp_events_xp_check', sql`${t.xp} >= 0`),
    check('xp_events_reason_check', sql`${t.reason} in ('earned', 'self_farm', 'daily_cap')`),
  ],
);

// Derived from xp_events (a rebuild gives the same numbers); kept so reads are one row.
export const userStats = pgTable(
  'user_stats',
  {
    workspaceId: workspaceId(),
    userId: userId(),
    xp: integer('xp').notNull().default(0),
    level: integer('level').notNull().default(1),
    streakCurrent: integer('streak_current').notNull().default(0),
    streakLongest: integer('streak_longest').notNull().default(0),
    streakFreezes: integer('streak_freezes').notNull().default(0),
    // Workdays counted since the last freeze was earned (one per 7).
    streakRun: integer('streak_run').notNull().default(0),
    lastActiveDate: date('last_active_date', { mode: 'string' }),
    // The last local date whose outcome (counted, frozen, broken) is settled.
    streakThrough: date('streak_through', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

export const userAchievements = pgTable(
  'user_achievements',
  {
    workspaceId: workspaceId(),
    userId: userId(),
    achievementId: text('achievement_id').notNull(),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.achievementId] })],
);

// Gamification per workspace (on unless switched off); XP is recorded either way.
export const progressSettings = pgTable('progress_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(true),
  ...timestamps,
});

// A person's own choice per workspace: shown on the leaderboard unless they opt out.
export const progressPreferences = pgTable(
  'progress_preferences',
  {
    workspaceId: workspaceId(),
    userId: userId(),
    showOnLeaderboard: boolean('show_on_leaderboard').notNull().default(true),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] })],
);

// What the xp consumer knows of each task from the stream: its latest points, and the XP frozen
// when it was planned (entered a started sprint, or was started).
export const taskXpPlans = pgTable('task_xp_plans', {
  taskId: uuid('task_id').primaryKey(),
  workspaceId: workspaceId(),
  storyPoints: integer('story_points'),
  plannedXp: integer('planned_xp'),
  plannedAt: timestamp('planned_at', { withTimezone: true, mode: 'date' }),
  ...timestamps,
});

// How far a consumer of the event stream has read each workspace's events (by seq, the publish
// order): the xp consumer reads in order, once, whatever the job queue does.
export const eventConsumerCursors = pgTable(
  'event_consumer_cursors',
  {
    consumer: text('consumer').notNull(),
    workspaceId: workspaceId(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.consumer, t.workspaceId] })],
);
