import { randomUUID } from 'node:crypto';
import type {
  ImportMappingInput,
  ImportPreview,
  ImportResult,
} from '@teamflow/contracts/project-import-export';
import { emitEvents, type EventInput } from '../events/emit-event';
import { toLabel } from '../labels/label.mapper';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { AppError, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { POSITION_GAP } from '../tasks/positions';
import { resolveMapping } from './import-mapping';
import {
  columnBottoms,
  ensureLabels,
  insertImportedTasks,
  memberIdsByEmail,
  reserveTaskNumbers,
  type ImportedTaskRow,
} from './project-import.repository';
import { readImportFile } from './read-import-file';
import { validateImportRows, type ImportDraft } from './validate-import-rows';

/** Rows per INSERT: large enough that 10,000 rows are a handful of statements, small enough to stream. */
const BATCH_ROWS = 2_000;
const LABEL_COLOR = '#6b7280';

/**
 * Imports a file of tasks into a project. `dryRun` checks every row and reports (nothing is
 * written); otherwise every row must be valid (422 with the same errors if not) and all tasks are
 * written in one transaction, with ONE `PROJECT_IMPORTED` event: clients refetch the project once
 * instead of applying thousands of TASK_CREATED (and webhooks, XP and notifications are not
 * flooded by what was history in another tool).
 */
export async function importProjectTasks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  file: { path: string },
  options: { dryRun: boolean; mapping?: ImportMappingInput },
): Promise<ImportPreview | ImportResult> {
  const table = await readImportFile(file.path);
  const mapping = resolveMapping(table, options.mapping);
  const people = await memberIdsByEmail(deps.db, ctx.workspaceId);
  const { drafts, errors, unknownPeople } = validateImportRows(table, mapping, people);
  const rows = table.rows.length;
  if (options.dryRun) {
    // Row 0 is the file as a whole (no title column): then no row can go in.
    const badRows = new Set(errors.map((e) => e.row));
    const valid = badRows.has(0) ? 0 : rows - badRows.size;
    return { rows, valid, errors, mapping, unknownPeople };
  }
  if (errors.length)
    throw new AppError(
      'VALIDATION_ERROR',
      'Some rows are not valid: nothing was imported',
      errors,
      undefined,
      422,
    );
  if (rows === 0) return { created: 0 };

  // Sanitised before the transaction opens: seconds of CPU for a big file hold no connection.
  const descriptions = drafts.map((d) => (d.description === null ? null : sanitizeMarkdown(d.description)));
  const numbers = await reserveTaskNumbers(deps.db, projectId, drafts.length);
  if (!numbers) throw notFound('Project');
  const at = new Date();
  await deps.db.transaction(async (tx) => {
    const labelNames = [
      ...new Map(drafts.flatMap((d) => d.labelNames).map((n) => [n.toLowerCase(), n])).values(),
    ];
    const labels = await ensureLabels(tx, ctx.workspaceId, labelNames, LABEL_COLOR);
    const bottoms = await columnBottoms(tx, projectId);
    const ids = drafts.map(() => randomUUID());
    const toRow = (draft: ImportDraft, index: number): ImportedTaskRow => {
      const bottom = (bottoms.get(draft.status) ?? 0) + POSITION_GAP;
      bottoms.set(draft.status, bottom);
      return {
        id: ids[index]!,
        number: numbers[index]!,
        title: draft.title,
        description: descriptions[index] ?? null,
        status: draft.status,
        priority: draft.priority,
        storyPoints: draft.storyPoints,
        dueDate: draft.dueDate,
        position: bottom,
        parentId: draft.parentIndex === null ? null : ids[draft.parentIndex]!,
        completedAt: draft.status === 'done' ? at : null,
        assigneeIds: draft.assigneeIds,
        labelIds: draft.labelNames.map((n) => labels.byName.get(n.toLowerCase())!),
      };
    };
    // Numbers and positions follow the file's order; parents are written before their sub-tasks.
    const taskRows = drafts.map(toRow);
    const depth = depths(drafts);
    const ordered = taskRows.map((row, i) => ({ row, depth: depth[i]! })).sort((a, b) => a.depth - b.depth);
    const scope = { workspaceId: ctx.workspaceId, projectId, createdBy: ctx.actor.id, at };
    for (let start = 0; start < ordered.length; start += BATCH_ROWS)
      await insertImportedTasks(
        tx,
        scope,
        ordered.slice(start, start + BATCH_ROWS).map((o) => o.row),
      );
    await emitEvents(tx, importEvents(ctx, projectId, drafts.length, mapping.source, labels.created));
  });
  return { created: drafts.length };
}

/** How deep each row sits under its parents (0: top level); linear, the rows have no loops. */
function depths(drafts: ImportDraft[]): number[] {
  const depth: (number | undefined)[] = Array.from({ length: drafts.length }, () => undefined);
  const of = (start: number): number => {
    const path: number[] = [];
    let i: number | null = start;
    while (i !== null && depth[i] === undefined) {
      path.push(i);
      i = drafts[i]!.parentIndex;
    }
    let d = i === null ? -1 : depth[i]!;
    for (const j of path.reverse()) depth[j] = ++d;
    return depth[start]!;
  };
  return drafts.map((_, i) => of(i));
}

function importEvents(
  ctx: WorkspaceCtx,
  projectId: string,
  created: number,
  source: ImportPreview['mapping']['source'],
  newLabels: Awaited<ReturnType<typeof ensureLabels>>['created'],
): EventInput[] {
  const labelEvents: EventInput[] = newLabels.map((row) => ({
    type: 'LABEL_CREATED',
    data: toLabel(row),
    meta: {
      workspaceId: ctx.workspaceId,
      entityId: row.id,
      actor: ctx.actor,
      activity: { entityType: 'label', action: 'created', changes: { name: row.name } },
    },
  }));
  return [
    ...labelEvents,
    {
      type: 'PROJECT_IMPORTED',
      data: { projectId, created, source },
      meta: {
        workspaceId: ctx.workspaceId,
        entityId: projectId,
        actor: ctx.actor,
        projectId,
        activity: { entityType: 'project', action: 'imported', changes: { created, source } },
      },
    },
  ];
}
