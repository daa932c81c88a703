import { CalendarDate, UNSTORABLE_TEXT, UNSTORABLE_TEXT_MESSAGE } from '@teamflow/contracts/common';
import type { ImportField, ImportMapping, ImportRowError } from '@teamflow/contracts/project-import-export';
import { MAX_TASK_LINKS, type TaskPriority, type TaskStatus } from '@teamflow/contracts/tasks';
import type { ImportTable } from './read-import-file';

/** A row that passed: what will be written, with its parent as another row's index. */
export interface ImportDraft {
  row: number;
  title: string;
  description: string | null;
  status: TaskStatus;
  priority: TaskPriority;
  storyPoints: number | null;
  dueDate: string | null;
  assigneeIds: string[];
  labelNames: string[];
  parentIndex: number | null;
}

export interface ValidatedImport {
  drafts: ImportDraft[];
  errors: ImportRowError[];
  unknownPeople: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A due date as trackers write it: ISO (`2025-03-14`, `2025-03-14T10:00:00Z`, Linear, Trello,
 * ours, Jira's default `2025-03-14 10:00`) or Jira's `14/Mar/25 10:00 AM`. The day as written.
 */
export function parseImportDate(value: string): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(value);
  const jira = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(value);
  let day: string | undefined = iso?.[1];
  if (jira) {
    const month = MONTHS.indexOf(jira[2]!.toLowerCase()) + 1;
    const year = jira[3]!.length === 2 ? `20${jira[3]}` : jira[3]!;
    if (month > 0) day = `${year}-${String(month).padStart(2, '0')}-${jira[1]!.padStart(2, '0')}`;
  }
  if (!day || !CalendarDate.safeParse(day).success) return undefined;
  // `2025-02-30` passes the pattern: only a day that round-trips through Date is a day.
  return new Date(`${day}T00:00:00Z`).toISOString().startsWith(day) ? day : undefined;
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** One row's cells by field: repeated columns (Jira's `Labels`, `Labels`) all land in the list. */
function cellsByField(headers: string[], columns: ImportMapping['columns'], row: string[]) {
  const cells = new Map<ImportField, string[]>();
  headers.forEach((header, i) => {
    const field = columns[header] ?? 'ignore';
    const value = row[i]?.trim() ?? '';
    if (field === 'ignore' || value === '') return;
    cells.set(field, [...(cells.get(field) ?? []), value]);
  });
  return cells;
}

/**
 * Checks every row against the mapping and the workspace's people (email → user id); collects
 * every error (not just the first) so a dry run shows the whole file's problems at once.
 */
export function validateImportRows(
  table: ImportTable,
  mapping: ImportMapping,
  peopleByEmail: Map<string, string>,
): ValidatedImport {
  const errors: ImportRowError[] = [];
  const unknownPeople = new Set<string>();
  const mapped = new Set(Object.values(mapping.columns));
  if (!mapped.has('title')) errors.push({ row: 0, field: 'title', message: 'Map a column to the title' });

  const keyRows = new Map<string, number>();
  const parentKeys: (string | undefined)[] = [];
  const drafts: (ImportDraft | undefined)[] = table.rows.map((cellsOfRow, index) => {
    const row = index + 1;
    const byField = cellsByField(table.headers, mapping.columns, cellsOfRow);
    const cells = (field: ImportField) => byField.get(field) ?? [];
    const fail = (field: string, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    // Checked where dry run and commit both pass: a dry run never approves what the database refuses.
    for (const [field, values] of byField)
      if (values.some((v) => UNSTORABLE_TEXT.test(v))) fail(field, UNSTORABLE_TEXT_MESSAGE);

    const title = cells('title')[0] ?? '';
    if (mapped.has('title') && (title.length < 3 || title.length > 200))
      fail('title', title ? 'A title has 3 to 200 characters' : 'A title is required');
    const description = cells('description').join('\n\n');
    if (description.length > 50_000) fail('description', 'A description has at most 50,000 characters');

    const statusValue = cells('status')[0];
    const status = statusValue === undefined ? 'todo' : mapping.statuses[statusValue];
    if (!status) fail('status', `No status is mapped for "${statusValue}"`);
    const priorityValue = cells('priority')[0];
    const priority = priorityValue === undefined ? 'medium' : mapping.priorities[priorityValue];
    if (!priority) fail('priority', `No priority is mapped for "${priorityValue}"`);

    const pointsValue = cells('storyPoints')[0];
    const points = pointsValue === undefined ? 0 : Number(pointsValue);
    // An estimate of 0 is "not estimated" in Linear and Jira: no story points.
    if (!Number.isInteger(points) || points < 0 || points > 21)
      fail('storyPoints', `Story points are whole numbers from 1 to 21 (got "${pointsValue}")`);

    const dueValue = cells('dueDate')[0];
    const dueDate = dueValue === undefined ? null : parseImportDate(dueValue);
    if (dueDate === undefined) fail('dueDate', `"${dueValue}" is not a date (use YYYY-MM-DD)`);

    const assigneeIds = new Set<string>();
    for (const person of cells('assignee').flatMap(splitList)) {
      const id = peopleByEmail.get(person.toLowerCase());
      if (id) assigneeIds.add(id);
      else unknownPeople.add(person);
    }
    const labelNames = [...new Set(cells('labels').flatMap(splitList))];
    if (labelNames.some((l) => l.length > 40)) fail('labels', 'A label has at most 40 characters');
    // Held to what a task created by hand may carry: one junk cell must not mint thousands of labels.
    if (labelNames.length > MAX_TASK_LINKS)
      fail('labels', `A task has at most ${MAX_TASK_LINKS} labels (this row lists ${labelNames.length})`);

    for (const key of cells('key')) {
      const other = keyRows.get(key);
      if (other !== undefined && other !== index) fail('key', `Key ${key} is also on row ${other + 1}`);
      else keyRows.set(key, index);
    }
    parentKeys[index] = cells('parentKey')[0];

    if (errors.length > before) return undefined;
    return {
      row,
      title,
      description: description || null,
      status: status!,
      priority: priority!,
      storyPoints: points || null,
      dueDate: dueDate ?? null,
      assigneeIds: [...assigneeIds],
      labelNames,
      parentIndex: null,
    };
  });

  parentKeys.forEach((parentKey, index) => {
    if (parentKey === undefined) return;
    const parentIndex = keyRows.get(parentKey);
    const fail = (message: string) => errors.push({ row: index + 1, field: 'parentKey', message });
    if (parentIndex === undefined) return fail(`No row of this file has the key ${parentKey}`);
    if (parentIndex === index) return fail('A task cannot be its own parent');
    const draft = drafts[index];
    if (draft) draft.parentIndex = parentIndex;
  });
  for (const error of cycleErrors(parentKeys, keyRows)) errors.push(error);

  errors.sort((a, b) => a.row - b.row);
  return {
    drafts: errors.length ? [] : (drafts as ImportDraft[]),
    errors,
    unknownPeople: [...unknownPeople],
  };
}

/** Rows whose chain of parents comes back to themselves (A under B under A); linear in the rows. */
function cycleErrors(parentKeys: (string | undefined)[], keyRows: Map<string, number>): ImportRowError[] {
  const parentOf = (i: number) => {
    const key = parentKeys[i];
    const parent = key === undefined ? undefined : keyRows.get(key);
    return parent === i ? undefined : parent; // its own parent: reported above
  };
  const DONE = 2;
  const ON_PATH = 1;
  const state = new Uint8Array(parentKeys.length);
  const errors: ImportRowError[] = [];
  for (let start = 0; start < parentKeys.length; start++) {
    const path: number[] = [];
    let i: number | undefined = start;
    while (i !== undefined && state[i] === 0) {
      state[i] = ON_PATH;
      path.push(i);
      i = parentOf(i);
    }
    if (i !== undefined && state[i] === ON_PATH)
      for (const inLoop of path.slice(path.indexOf(i)))
        errors.push({
          row: inLoop + 1,
          field: 'parentKey',
          message: 'The parents of this task loop back to it',
        });
    for (const visited of path) state[visited] = DONE;
  }
  return errors;
}
