import { z } from 'zod';
import { Id, Timestamp } from './common';
import { TaskPriority, TaskStatus } from './tasks';

/** API.md, "Files, webhooks and integrations": a file of at most 10,000 tasks (more → 413). */
export const IMPORT_MAX_ROWS = 10_000;
/** Room for 10,000 rows with long descriptions; the rows limit is the one people meet. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** Where a file came from, detected from its headers (or its JSON); the user may override it. */
export const ImportSource = z.enum(['jira', 'linear', 'trello', 'teamflow', 'csv']);
export type ImportSource = z.infer<typeof ImportSource>;

/** What a column of the file becomes. `key`/`parentKey`: the file's own ids, to nest sub-tasks. */
export const ImportField = z.enum([
  'title',
  'description',
  'status',
  'priority',
  'storyPoints',
  'dueDate',
  'assignee',
  'labels',
  'key',
  'parentKey',
  'ignore',
]);
export type ImportField = z.infer<typeof ImportField>;

/**
 * The `mapping` form field: every part optional, what is given overrides what was detected.
 * `columns`: header → field; `statuses`/`priorities`: a value as it appears in the file → ours.
 */
export const ImportMappingInput = z.object({
  source: ImportSource.optional(),
  columns: z.record(z.string().max(200), ImportField).optional(),
  statuses: z.record(z.string().max(200), TaskStatus).optional(),
  priorities: z.record(z.string().max(200), TaskPriority).optional(),
});
export type ImportMappingInput = z.infer<typeof ImportMappingInput>;

/**
 * The mapping the import used: every column of the file and every status and priority value
 * found in it. A value with no entry (`null`) is one the user must map before committing.
 */
export const ImportMapping = z.object({
  source: ImportSource,
  columns: z.record(z.string(), ImportField),
  statuses: z.record(z.string(), TaskStatus.nullable()),
  priorities: z.record(z.string(), TaskPriority.nullable()),
});
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportQuery = z.object({ dryRun: z.stringbool().default(false) });
export type ImportQuery = z.infer<typeof ImportQuery>;

/** `row`: the data row, counted from 1 after the header (0: the file or mapping as a whole). */
export const ImportRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportPreview = z.object({
  rows: z.number().int(),
  valid: z.number().int(),
  errors: z.array(ImportRowError),
  mapping: ImportMapping,
  /** People named in the file who are not members of the workspace (by email): left unassigned. */
  unknownPeople: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({ created: z.number().int() });
export type ImportResult = z.infer<typeof ImportResult>;

/** The realtime signal of an import: one event, not one per task (clients refetch the project). */
export const ProjectImported = z.object({
  projectId: Id,
  created: z.number().int(),
  source: ImportSource,
});
export type ProjectImported = z.infer<typeof ProjectImported>;

export const ExportFormat = z.enum(['csv', 'json']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportQuery = z.object({ format: ExportFormat.default('csv') });
export type ExportQuery = z.infer<typeof ExportQuery>;

/**
 * Our own CSV columns, in order: what export writes and what import reads back as `teamflow`.
 * Assignees are emails and labels names, each list comma-separated in its cell.
 */
export const TEAMFLOW_CSV_COLUMNS = {
  Key: 'key',
  Title: 'title',
  Description: 'description',
  Status: 'status',
  Priority: 'priority',
  'Story points': 'storyPoints',
  'Due date': 'dueDate',
  Assignees: 'assignee',
  Labels: 'labels',
  Parent: 'parentKey',
  Created: 'ignore',
  Completed: 'ignore',
} as const satisfies Record<string, ImportField>;

export const ExportedTask = z.object({
  id: Id,
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: TaskStatus,
  priority: TaskPriority,
  storyPoints: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  parent: z.object({ id: Id, key: z.string() }).nullable(),
  assignees: z.array(z.object({ id: Id, name: z.string(), email: z.string() })),
  labels: z.array(z.object({ id: Id, name: z.string(), color: z.string() })),
  createdAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
export type ExportedTask = z.infer<typeof ExportedTask>;

/** `GET /projects/:projectId/export?format=json`: the project and all its tasks (not deleted). */
export const ProjectExport = z.object({
  project: z.object({ id: Id, key: z.string(), name: z.string() }),
  exportedAt: Timestamp,
  tasks: z.array(ExportedTask),
});
export type ProjectExport = z.infer<typeof ProjectExport>;
