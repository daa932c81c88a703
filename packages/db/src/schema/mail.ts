import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';

// One-time tokens sent by email (password reset, email verification). Only a SHA-256 is stored.
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    kind: text('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_tokens_token_hash_key').on(t.tokenHash),
    index('user_tokens_user_kind_idx').on(t.userId, t.kind),
  ],
);

// Jobs to enqueue, written in the same transaction as the change that wants them. PostgreSQL stays
// the source of truth until a job finishes: `staged` (waiting for the job relay) → `enqueued` (in
// BullMQ as job `outbox-<id>`) → `done` (the worker marks it when the handler succeeds) or `failed`
// (out of attempts). A Redis that restarts empty or fails over loses what it held; the reconciler
// re-adds `enqueued` rows that BullMQ no longer has (same job id, so never twice in BullMQ).
export const JOB_STATES = ['staged', 'enqueued', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobOutbox = pgTable(
  'job_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<JobState>().notNull().default('staged'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    // Last time the relay (or the reconciler) added it to BullMQ.
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    // How often the reconciler re-added it after BullMQ lost it.
    requeues: integer('requeues').notNull().default(0),
  },
  (t) => [
    index('job_outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.enqueuedAt} is null`),
    index('job_outbox_unfinished_idx')
      .on(t.enqueuedAt)
      .where(sql`${t.state} = 'enqueued'`),
  ],
);

// Messages the email job "sent" when no SMTP_URL is set (development); one row per job id.
export const devMail = pgTable(
  'dev_mail',
  {
    id: id(),
    jobId: text('job_id').notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    template: text('template').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('dev_mail_job_id_key').on(t.jobId), index('dev_mail_created_idx').on(t.createdAt)],
);
