import {
  TEAMFLOW_CSV_COLUMNS,
  type ImportField,
  type ImportMapping,
  type ImportMappingInput,
  type ImportSource,
} from '@teamflow/contracts/project-import-export';
import type { TaskPriority, TaskStatus } from '@teamflow/contracts/tasks';
import type { ImportTable } from './read-import-file';

const normal = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Header names as Jira, Linear, Trello (see trello-board.ts) and we export them, lower-cased.
 * Jira's `Issue key` and `Issue id` are both keys: its `Parent` / `Parent id` name the id.
 */
const COLUMN_NAMES: Record<Exclude<ImportField, 'ignore'>, string[]> = {
  title: ['summary', 'title', 'name', 'card', 'task'],
  description: ['description', 'desc'],
  status: ['status', 'state', 'list'],
  priority: ['priority'],
  storyPoints: [
    'story points',
    'estimate',
    'points',
    'custom field (story points)',
    'custom field (story point estimate)',
  ],
  dueDate: ['due date', 'due', 'due at', 'deadline'],
  assignee: ['assignee', 'assignees', 'members', 'assignee email'],
  labels: ['labels', 'label', 'tags'],
  key: ['issue key', 'issue id', 'id', 'key', 'card id'],
  parentKey: ['parent id', 'parent', 'parent issue', 'parent key'],
};
const FIELD_BY_HEADER = new Map(
  Object.entries(COLUMN_NAMES).flatMap(([field, names]) => names.map((n) => [n, field as ImportField])),
);

/** Status names trackers ship with (and ours), lower-cased, to our statuses. */
const STATUS_NAMES: Record<TaskStatus, string[]> = {
  todo: [
    'to do',
    'todo',
    'backlog',
    'open',
    'new',
    'selected for development',
    'triage',
    'unstarted',
    'not started',
    'planned',
    'ready',
  ],
  in_progress: ['in progress', 'in_progress', 'in development', 'started', 'doing', 'active'],
  in_review: [
    'in review',
    'in_review',
    'review',
    'code review',
    'qa',
    'in qa',
    'testing',
    'ready for review',
  ],
  blocked: ['blocked', 'on hold', 'waiting', 'impeded'],
  done: ['done', 'closed', 'resolved', 'complete', 'completed', 'shipped', 'released', 'fixed'],
  archived: ['archived', 'canceled', 'cancelled', "won't do", "won't fix", 'duplicate'],
};
const PRIORITY_NAMES: Record<TaskPriority, string[]> = {
  critical: ['critical', 'highest', 'urgent', 'blocker', 'p0'],
  high: ['high', 'major', 'p1'],
  medium: ['medium', 'normal', 'no priority', 'none', 'p2'],
  low: ['low', 'lowest', 'minor', 'trivial', 'p3', 'p4'],
};
const invert = <T extends string>(table: Record<T, string[]>) =>
  new Map(Object.entries(table).flatMap(([ours, names]) => (names as string[]).map((n) => [n, ours as T])));
const STATUS_BY_NAME = invert(STATUS_NAMES);
const PRIORITY_BY_NAME = invert(PRIORITY_NAMES);

/** The tracker a CSV came from, told by the headers only that tracker writes. */
export function detectSource(table: ImportTable): ImportSource {
  if (table.source) return table.source;
  const headers = new Set(table.headers.map(normal));
  const has = (...names: string[]) => names.every((n) => headers.has(n));
  if (Object.keys(TEAMFLOW_CSV_COLUMNS).every((h) => headers.has(normal(h)))) return 'teamflow';
  if (has('summary', 'issue key')) return 'jira';
  if (has('title', 'id') && (has('team') || has('estimate') || has('cycle number'))) return 'linear';
  return 'csv';
}

function detectedField(source: ImportSource, header: string): ImportField {
  if (source === 'teamflow' && header in TEAMFLOW_CSV_COLUMNS)
    return TEAMFLOW_CSV_COLUMNS[header as keyof typeof TEAMFLOW_CSV_COLUMNS];
  return FIELD_BY_HEADER.get(normal(header)) ?? 'ignore';
}

/** Distinct non-empty values of the columns mapped to `field`, in file order. */
function valuesOf(table: ImportTable, columns: Record<string, ImportField>, field: ImportField): string[] {
  const indexes = table.headers.flatMap((h, i) => (columns[h] === field ? [i] : []));
  const seen = new Set<string>();
  for (const row of table.rows)
    for (const i of indexes) {
      const value = row[i]?.trim();
      if (value) seen.add(value);
    }
  return [...seen];
}

/**
 * The mapping an import runs with: what the user sent overrides what was detected, and every
 * column and every status and priority value in the file has an entry (null: not mapped yet).
 */
export function resolveMapping(table: ImportTable, input: ImportMappingInput = {}): ImportMapping {
  const source = input.source ?? detectSource(table);
  const columns: Record<string, ImportField> = {};
  for (const header of table.headers)
    columns[header] ??= input.columns?.[header] ?? detectedField(source, header);
  const statuses: Record<string, TaskStatus | null> = {};
  for (const value of valuesOf(table, columns, 'status'))
    statuses[value] = input.statuses?.[value] ?? STATUS_BY_NAME.get(normal(value)) ?? null;
  const priorities: Record<string, TaskPriority | null> = {};
  for (const value of valuesOf(table, columns, 'priority'))
    priorities[value] = input.priorities?.[value] ?? PRIORITY_BY_NAME.get(normal(value)) ?? null;
  return { source, columns, statuses, priorities };
}
