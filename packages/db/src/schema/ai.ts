import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { users } from './identity';
import { workspaces } from './workspaces';

export const AI_JOB_KINDS = ['breakdown', 'prioritize', 'summarize', 'duplicates', 'next'] as const;
export const AI_JOB_STATES = ['queued', 'active', 'completed', 'failed'] as const;

// The state of an AI request that `GET /jobs/:id` reports. The BullMQ job (id = this id) does the
// work; this row is what the caller's workspace may read, and it outlives BullMQ's retention.
export const aiJobs = pgTable(
  'ai_jobs',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: AI_JOB_KINDS }).notNull(),
    // The task or project the request is about.
    subjectId: uuid('subject_id').notNull(),
    // SHA-256 of the normalised input; a completed job with the same hash within the hour is reused.
    inputHash: text('input_hash').notNull(),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    state: text('state', { enum: AI_JOB_STATES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    provider: text('provider'),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    ...timestamps,
  },
  (t) => [
    index('ai_jobs_cache_idx').on(t.workspaceId, t.kind, t.inputHash, t.finishedAt),
    index('ai_jobs_workspace_created_idx').on(t.workspaceId, t.createdAt),
    check('ai_jobs_state_check', sql`${t.state} in ('queued', 'active', 'completed', 'failed')`),
    check('ai_jobs_progress_range', sql`${t.progress} between 0 and 100`),
  ],
);

// One row per provider call (or cache hit), for usage reports and the monthly budget. A call for
// a person's own work log has no workspace (`workspace_id` null): it counts against that
// person's budget, never a workspace's (docs/ai.md, "Whose budget the work log spends").
export const aiUsage = pgTable(
  'ai_usage',
  {
    id: id(),
    workspaceId: uuid('workspace_id').references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    jobId: uuid('job_id').references(() => aiJobs.id, { onDelete: 'set null' }),
    feature: text('feature').notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptTokens: integer('prompt_tokens').notNull().default(0),
    completionTokens: integer('completion_tokens').notNull().default(0),
    // Millionths of a US dollar, so sums stay exact.
    costMicros: bigint('cost_micros', { mode: 'number' }).notNull().default(0),
    cached: boolean('cached').notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('ai_usage_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('ai_usage_personal_created_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.workspaceId} is null`),
  ],
);

// The owner's monthly AI budget; no row means the default from config.
export const aiBudgets = pgTable('ai_budgets', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  monthlyBudgetMicros: bigint('monthly_budget_micros', { mode: 'number' }).notNull(),
  ...timestamps,
});

// Embedding vectors for duplicate detection and semantic search (no pgvector here: plain arrays,
// compared in the worker).
export const embeddings = pgTable(
  'embeddings',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    model: text('model').notNull(),
    contentHash: text('content_hash').notNull(),
    vector: real('vector').array().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('embeddings_entity_model_key').on(t.entityType, t.entityId, t.model)],
);
