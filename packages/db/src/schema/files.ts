import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { deletedAt, id, timestamps } from './columns';
import { users } from './identity';
import { tasks } from './board';
import { workspaces } from './workspaces';

export const SCAN_STATUSES = ['pending', 'clean', 'infected', 'unscanned'] as const;

/** Files on tasks. The bytes live in object storage under `storage_key`; this row is their record. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    uploaderId: uuid('uploader_id').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    // Decided from the bytes at upload (contracts/attachments ATTACHMENT_TYPES).
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    scanStatus: text('scan_status', { enum: SCAN_STATUSES }).notNull(),
    // The scanner's signature name for an infected file.
    threat: text('threat'),
    scannedAt: timestamp('scanned_at', { withTimezone: true, mode: 'date' }),
    deletedAt: deletedAt(),
    ...timestamps,
  },
  (t) => [
    index('attachments_task_idx')
      .on(t.taskId, t.createdAt)
      .where(sql`${t.deletedAt} is null`),
    check(
      'attachments_scan_status_check',
      sql`${t.scanStatus} in ('pending', 'clean', 'infected', 'unscanned')`,
    ),
  ],
);

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;

/** Outgoing webhooks of a workspace: where, which public event names, and the signing secret. */
export const webhooks = pgTable(
  'webhooks',
  {
    id: id(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    // Needed in full to sign every delivery (Standard Webhooks: `whsec_` + base64 key).
    secret: text('secret').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('webhooks_workspace_idx').on(t.workspaceId)],
);

/** One event for one webhook: the signed body, retried by BullMQ until it succeeds or runs out. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    workspaceId: uuid('workspace_id').notNull(),
    event: text('event').notNull(),
    // The exact JSON sent (and signed), so every attempt and a redelivery send the same bytes.
    body: text('body').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    durationMs: integer('duration_ms'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
    // Every attempt: [{at, responseStatus, durationMs, error}].
    log: jsonb('log')
      .$type<
        { at: string; responseStatus: number | null; durationMs: number | null; error: string | null }[]
      >()
      .notNull()
      .default([]),
    ...timestamps,
  },
  (t) => [
    index('webhook_deliveries_webhook_idx').on(t.webhookId, t.createdAt.desc(), t.id.desc()),
    check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
  ],
);
