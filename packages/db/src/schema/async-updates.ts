import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { tasks } from './board';
import { users } from './identity';
import { workspaces } from './workspaces';

export const BLOCKER_SEVERITIES = ['low', 'medium', 'high'] as const;
export const BLOCKER_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const INCIDENT_SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

const userRef = (name: string) => uuid(name).references(() => users.id, { onDelete: 'set null' });
const workspaceRef = () =>
  uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' });

// One row per workspace that changed the defaults (a missing row means the defaults).
export const checkInSettings = pgTable('check_in_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  days: integer('days')
    .array()
    .notNull()
    .default(sql`'{1,2,3,4,5}'::integer[]`),
  reminderTime: text('reminder_time').notNull().default('09:30'),
  digestTime: text('digest_time').notNull().default('17:00'),
  blockerEscalationHours: integer('blocker_escalation_hours').notNull().default(4),
  digestAi: boolean('digest_ai').notNull().default(true),
  ...timestamps,
});

// A person's days off, in their own zone (dates, not instants).
export const awayRanges = pgTable(
  'away_ranges',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    note: text('note'),
    ...timestamps,
  },
  (t) => [index('away_ranges_user_idx').on(t.userId, t.fromDate)],
);

export const statusUpdates = pgTable(
  'status_updates',
  {
    id: id(),
    workspaceId: workspaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The author's local date (their zone when they posted).
    date: date('date', { mode: 'string' }).notNull(),
    done: text('done').notNull().default(''),
    doing: text('doing').notNull().default(''),
    blockers: text('blockers').notNull().default(''),
    mood: smallint('mood'),
    taskIds: uuid('task_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    // One per person per workspace per local date; two racing POSTs meet here.
    uniqueIndex('status_updates_one_per_day').on(t.workspaceId, t.userId, t.date),
    index('status_updates_feed_idx').on(t.workspaceId, t.date, t.createdAt),
    check('status_updates_mood_check', sql`${t.mood} is null or ${t.mood} between 1 and 5`),
  ],
);

export const blockers = pgTable(
  'blockers',
  {
    id: id(),
    workspaceId: workspaceRef(),
    title: text('title').notNull(),
    description: text('description'),
    taskId: uuid('task_id').references(() => tasks.id, { onDelete: 'set null' }),
    severity: text('severity', { enum: BLOCKER_SEVERITIES }).notNull().default('medium'),
    status: text('status', { enum: BLOCKER_STATUSES }).notNull().default('open'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    statusUpdateId: uuid('status_update_id').references(() => statusUpdates.id, { onDelete: 'set null' }),
    acknowledgedBy: userRef('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgeNote: text('acknowledge_note'),
    resolvedBy: userRef('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolution: text('resolution'),
    ...timestamps,
  },
  (t) => [
    index('blockers_register_idx').on(t.workspaceId, t.status, t.createdAt),
    index('blockers_task_idx').on(t.taskId),
    check('blockers_severity_check', sql`${t.severity} in ('low', 'medium', 'high')`),
    check('blockers_status_check', sql`${t.status} in ('open', 'acknowledged', 'resolved')`),
    check('blockers_escalation_check', sql`${t.escalationLevel} between 0 and 2`),
  ],
);

export const incidents = pgTable(
  'incidents',
  {
    id: id(),
    workspaceId: workspaceRef(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    severity: text('severity', { enum: INCIDENT_SEVERITIES }).notNull(),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('investigating'),
    summary: text('summary'),
    postmortem: text('postmortem'),
    commanderId: userRef('commander_id'),
    taskIds: uuid('task_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('incidents_number_key').on(t.workspaceId, t.number),
    index('incidents_list_idx').on(t.workspaceId, t.createdAt),
    index('incidents_task_ids_idx').using('gin', t.taskIds),
    // Workspace search (core/search): words of the title, summary and postmortem; title substrings.
    index('incidents_workspace_search_idx').using(
      'gin',
      sql`to_tsvector('english'::regconfig, ${t.title} || ' ' || coalesce(${t.summary}, '') || ' ' || coalesce(${t.postmortem}, ''))`,
    ),
    index('incidents_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

export const incidentEvents = pgTable(
  'incident_events',
  {
    id: id(),
    workspaceId: workspaceRef(),
    incidentId: uuid('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    message: text('message').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actorId: userRef('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('incident_events_timeline_idx').on(t.incidentId, t.createdAt)],
);

export interface DecisionAlternativeColumn {
  title: string;
  pros?: string;
  cons?: string;
}

export const decisions = pgTable(
  'decisions',
  {
    id: id(),
    workspaceId: workspaceRef(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    context: text('context').notNull(),
    decision: text('decision').notNull(),
    alternatives: jsonb('alternatives').$type<DecisionAlternativeColumn[]>().notNull().default([]),
    consequences: text('consequences'),
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('proposed'),
    deciderIds: uuid('decider_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    taskIds: uuid('task_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    supersedesId: uuid('supersedes_id'),
    supersededById: uuid('superseded_by_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('decisions_number_key').on(t.workspaceId, t.number),
    index('decisions_list_idx').on(t.workspaceId, t.createdAt),
    index('decisions_task_ids_idx').using('gin', t.taskIds),
    // Search: title, context and decision, weighted like tasks'.
    index('decisions_search_idx').using(
      'gin',
      sql`(setweight(to_tsvector('simple', coalesce(${t.title}, '')), 'A') || setweight(to_tsvector('simple', coalesce(${t.context}, '') || ' ' || coalesce(${t.decision}, '')), 'B'))`,
    ),
    // Workspace search (core/search), which stems words ('english'): title, context and decision; title substrings.
    index('decisions_workspace_search_idx').using(
      'gin',
      sql`to_tsvector('english'::regconfig, ${t.title} || ' ' || ${t.context} || ' ' || ${t.decision})`,
    ),
    index('decisions_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  ],
);

// The digest of a workspace's day (its zone): one per workspace and date, replaced on regenerate.
export const dailySummaries = pgTable(
  'daily_summaries',
  {
    id: id(),
    workspaceId: workspaceRef(),
    date: date('date', { mode: 'string' }).notNull(),
    provider: text('provider').notNull(),
    summary: text('summary').notNull(),
    sections: jsonb('sections').$type<Record<string, unknown>>().notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [uniqueIndex('daily_summaries_day_key').on(t.workspaceId, t.date)],
);

// The digest email a member opted into, once per workspace and local date: the row is claimed in
// the transaction that stages the email, so two workers or a regenerate cannot send a second one.
export const digestEmails = pgTable(
  'digest_emails',
  {
    workspaceId: workspaceRef(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.date] })],
);
