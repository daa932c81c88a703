import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { id } from './columns';
import { users } from './identity';
import { workspaces } from './workspaces';

export const activities = pgTable(
  'activities',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id'),
    taskId: uuid('task_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull().default({}),
    // The seq of the event this change published (set by the outbox relay): `?since=` reads it.
    eventSeq: bigint('event_seq', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('activities_workspace_created_idx').on(t.workspaceId, t.createdAt.desc()),
    index('activities_task_created_idx').on(t.taskId, t.createdAt),
    index('activities_workspace_seq_idx')
      .on(t.workspaceId, t.eventSeq)
      .where(sql`${t.eventSeq} is not null`),
  ],
);

// Written in the same transaction as the change; a relay publishes rows and stamps published_at.
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    type: text('type').notNull(),
    entityId: uuid('entity_id').notNull(),
    actorId: uuid('actor_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    // The activity row written with this event; its project/task pick the rooms, and it receives the seq.
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    // Per-workspace order, assigned by the relay when it publishes (commit order, not id order).
    seq: bigint('seq', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_unpublished_idx')
      .on(t.id)
      .where(sql`${t.publishedAt} is null`),
    uniqueIndex('outbox_workspace_seq_idx')
      .on(t.workspaceId, t.seq)
      .where(sql`${t.seq} is not null`),
  ],
);

// The last seq handed out per workspace; the relay (one at a time, under an advisory lock) bumps it.
export const workspaceEventSeq = pgTable('workspace_event_seq', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

// Every relay pass takes a number from this sequence before it publishes (a sequence does not roll
// back), and its commit records the number in `outbox_relay_state`. So a pass that finds numbers
// between the last committed one and its own knows that a pass died after taking the lock, maybe
// after appending its batch to the stream (the stream is not transactional): it reads the stream's
// newest entry and publishes that batch's rows again first, with the seqs clients already saw.
export const outboxRelayPass = pgSequence('outbox_relay_pass');

export const outboxRelayState = pgTable(
  'outbox_relay_state',
  {
    // One row.
    id: smallint('id').primaryKey().default(1),
    lastPass: bigint('last_pass', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [check('outbox_relay_state_one_row', sql`${t.id} = 1`)],
);
