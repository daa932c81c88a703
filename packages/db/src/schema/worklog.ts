import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, tsvector } from './columns';
import { users } from './identity';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * A person's private journal. No workspace: the author's id fences every query (the repository
 * takes it on every function), and deleting the account deletes the entries.
 */
export const worklogEntries = pgTable(
  'worklog_entries',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // The author's local day (their time zone when written).
    date: date('date', { mode: 'string' }).notNull(),
    body: text('body').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): ReturnType<typeof sql> => sql`to_tsvector('english'::regconfig, coalesce(body, ''))`,
    ),
    ...timestamps,
  },
  (t) => [
    index('worklog_entries_user_date_idx').on(t.userId, t.date.desc(), t.id.desc()),
    index('worklog_entries_search_idx').using('gin', t.searchVector),
    index('worklog_entries_tags_idx').using('gin', t.tags),
  ],
);

/**
 * What the `ai/analyse-entry` job made of an entry (one row per entry): sentiment, skills,
 * projects, achievements, themes, and the entry's meaning vector (unit length, so a dot product
 * is the cosine) under the model that made it. `content_hash` is the body it read: a save that
 * changes the body makes it pending again.
 */
export const worklogInsights = pgTable(
  'worklog_insights',
  {
    entryId: uuid('entry_id')
      .primaryKey()
      .references(() => worklogEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'done', 'failed'] })
      .notNull()
      .default('pending'),
    provider: text('provider'),
    model: text('model'),
    sentimentScore: real('sentiment_score').notNull().default(0),
    sentimentLabel: text('sentiment_label', { enum: ['negative', 'neutral', 'positive'] })
      .notNull()
      .default('neutral'),
    projects: text('projects')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    achievements: jsonb('achievements')
      .$type<{ text: string; impact?: string; metric?: string }[]>()
      .notNull()
      .default([]),
    themes: text('themes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    vectorModel: text('vector_model'),
    // The entry's meaning, unit length, int8 per dimension: the user's vectors are read in one
    // query and scored in Node (10,000 entries are 1 MB; unnest-and-sum per row in SQL was 10× slower).
    vectorQ8: bytea('vector_q8'),
    contentHash: text('content_hash'),
    error: text('error'),
    analysedAt: timestamp('analysed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [index('worklog_insights_user_idx').on(t.userId)],
);

/** Review and CV exports, rendered by a job into `content`; kept 7 days, then cleaned up. */
export const worklogExports = pgTable(
  'worklog_exports',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['review', 'cv'] }).notNull(),
    format: text('format', { enum: ['md', 'pdf'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    content: bytea('content'),
    error: text('error'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ...timestamps,
  },
  (t) => [
    index('worklog_exports_user_idx').on(t.userId, t.createdAt.desc()),
    index('worklog_exports_expires_idx').on(t.expiresAt),
  ],
);
