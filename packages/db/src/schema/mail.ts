import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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

// Jobs to enqueue, written in the same transaction as the change that wants them; the job relay
// moves them to BullMQ (job id `outbox-<id>`, so a repeated pass never adds one twice).
export const jobOutbox = pgTable(
  'job_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    queue: text('queue').notNull(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    enqueuedAt: timestamp('enqueued_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('job_outbox_pending_idx')
      .on(t.id)
      .where(sql`${t.enqueuedAt} is null`),
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
