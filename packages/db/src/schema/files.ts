import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
