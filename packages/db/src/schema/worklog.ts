import { sql } from 'drizzle-orm';
import {
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { cube, id, timestamps, tsvector } from './columns';
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
 * projects, achievements and themes (its meaning vectors are in `worklog_vectors`).
 * `content_hash` is the body it read: a save that changes the body makes it pending again.
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
    contentHash: text('content_hash'),
    error: text('error'),
    analysedAt: timestamp('analysed_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('worklog_insights_user_idx').on(t.userId),
    // The hourly re-read (core worklog/outdated-analyses.repository.ts): finished local analyses,
    // longest-analysed first. model and user_id ride along so the scan that finds nothing outdated
    // (every hour between upgrades) reads this index alone, not a heap row per analysis.
    index('worklog_insights_local_reread_idx')
      .on(t.analysedAt, t.entryId, t.model, t.userId)
      .where(sql`${t.provider} = 'local' and ${t.status} in ('done', 'failed')`),
  ],
);

/**
 * An entry's meaning vectors, one set per model that made them (the local word vectors always;
 * OpenAI's embedding model too when a key is set), so vectors of different models are never
 * compared. Unit length, scored in PostgreSQL: a `cube` is a C array of float8 whose `<->` is
 * the Euclidean distance, and for a query q, q·v = (|q|² + |v|² − |q − v|²) / 2 with `norm2`
 * = |v|² stored. `cube` holds at most 100 dimensions, so a longer vector is stored in parts of
 * 100 (`part` 0, 1, …) whose dot products add up. Rewritten with the analysis (same body).
 */
export const worklogVectors = pgTable(
  'worklog_vectors',
  {
    entryId: uuid('entry_id')
      .notNull()
      .references(() => worklogEntries.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    // WORD_VECTOR_MODEL, or an embedding key such as `text-embedding-3-small@256`.
    model: text('model').notNull(),
    part: smallint('part').notNull(),
    vector: cube('vector').notNull(),
    norm2: doublePrecision('norm2').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.model, t.part] }),
    index('worklog_vectors_user_model_idx').on(t.userId, t.model),
  ],
);

/**
 * The insights' per-day roll-up of an author's entries and their analyses, so a year of insights
 * reads 365 rows instead of joining every entry to its analysis once per aggregate: entries,
 * analysed entries and their summed sentiment, skill/project/theme counts (parallel arrays:
 * `unnest` adds them up much faster than walking JSON objects) and the day's achievements in the
 * order the insights list them. Derived only: statement triggers on `worklog_entries` and
 * `worklog_insights` (migration 0013) recompute the days a write touched, in that write's
 * transaction, so no write path can leave it stale.
 */
export const worklogDays = pgTable(
  'worklog_days',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    entries: integer('entries').notNull(),
    analysed: integer('analysed').notNull(),
    sentimentSum: doublePrecision('sentiment_sum').notNull(),
    skills: text('skills').array().notNull(),
    skillCounts: integer('skill_counts').array().notNull(),
    // Projects are counted by lower-cased name, shown as first written (the smallest spelling).
    projectKeys: text('project_keys').array().notNull(),
    projectNames: text('project_names').array().notNull(),
    projectCounts: integer('project_counts').array().notNull(),
    themes: text('themes').array().notNull(),
    themeCounts: integer('theme_counts').array().notNull(),
    // [{entryId, text, impact, metric}]: those with a metric first, then by entry.
    achievements: jsonb('achievements')
      .$type<{ entryId: string; text: string; impact: string | null; metric: string | null }[]>()
      .notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.date] })],
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
