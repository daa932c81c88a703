import { NO_WORKSPACE } from '@teamflow/contracts/events';
import { emitEvent } from '../events/emit-event';
import { claimStagedJob, stagedJobDone } from '../jobs/staged-job-outcome';
import type { Tx } from '@teamflow/db/client';
import type { CoreDeps } from '../platform/context';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../platform/local-dates';
import type { Logger } from '../platform/logger';
import { loadUser } from '../auth/authenticate';
import { buildExportDocument, type ExportSource } from './build-export';
import { renderMarkdown, renderPdf } from './export-document';
import { toWorklogExport } from './worklog.mapper';
import { completedTasks } from './completed-tasks.repository';
import { findExport, setExportState } from './worklog-exports.repository';
import { entriesInRange } from './worklog.repository';

export type RenderDeps = Pick<CoreDeps, 'db'> & { logger: Logger };

// A review cites every task done in its range, so the document holds them all; reading them this
// many at a time keeps each query's result (which the driver buffers whole) to one page.
export const EXPORT_TASK_PAGE = 1_000;

/** Every task the author completed in the range, most recently done first, a page at a time. */
async function everyCompletedTask(
  tx: Tx,
  userId: string,
  range: { from: Date; to: Date; zone: string },
): Promise<ExportSource['tasks']> {
  const tasks: ExportSource['tasks'] = [];
  for (let after: { cursorAt: string; id: string } | undefined; ;) {
    const page = await completedTasks(tx, userId, range.from, range.to, {
      limit: EXPORT_TASK_PAGE,
      after,
    });
    for (const t of page) tasks.push({ ...t, localDate: localDateOf(t.done_at, range.zone) });
    const last = page.at(-1);
    if (!last || page.length < EXPORT_TASK_PAGE) return tasks;
    after = { cursorAt: last.cursor_at, id: last.id };
  }
}

/**
 * The entries (with their analysis) and, for a review, the completed tasks one document is built
 * from, all read in one READ ONLY REPEATABLE READ transaction: every statement (the entries and
 * each page of tasks) sees the database as of the first, so an entry edited or a task done or
 * renamed meanwhile cannot leave a document that disagrees with itself (an achievement from before
 * the edit beside a task title from after it, a task skipped or repeated between pages).
 */
async function readExportSource(
  deps: RenderDeps,
  userId: string,
  row: { kind: 'review' | 'cv'; fromDate: string; toDate: string },
  zone: string,
): Promise<Pick<ExportSource, 'entries' | 'tasks'>> {
  return deps.db.transaction(
    async (tx) => {
      const entries = await entriesInRange(tx, userId, row.fromDate, row.toDate);
      // A CV cites no task: it is skills and achievements.
      const tasks =
        row.kind === 'review'
          ? await everyCompletedTask(tx, userId, {
              from: startOfLocalDay(row.fromDate, zone),
              to: endOfLocalDay(row.toDate, zone),
              zone,
            })
          : [];
      return { entries, tasks };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * The `ai/worklog-export` job: builds the review or CV of the range from the author's entries
 * (with their analysis) and, for a review, every task they completed in it; renders Markdown or
 * PDF into the export's row and tells the author (`WORKLOG_EXPORT_UPDATED`). Idempotent: a rerun
 * renders the same file again; with the BullMQ job, its staged job is claimed in the transaction
 * that stores the file, and a staged job that already ran does not set its export back to running.
 */
export async function renderExport(
  deps: RenderDeps,
  target: { userId: string; exportId: string },
  job: { id?: string } = {},
): Promise<string> {
  const { userId, exportId } = target;
  const row = await findExport(deps.db, userId, exportId);
  if (!row) return 'gone';
  if (await stagedJobDone(deps.db, job.id)) return 'done';
  const user = await loadUser(deps, userId).catch(() => undefined);
  if (!user) return 'gone';
  await setExportState(deps.db, userId, exportId, { status: 'running' });
  try {
    const { entries, tasks } = await readExportSource(deps, userId, row, user.timeZone);
    const doc = buildExportDocument({
      kind: row.kind,
      authorName: user.name,
      from: row.fromDate,
      to: row.toDate,
      entries,
      tasks,
    });
    const content = row.format === 'pdf' ? await renderPdf(doc) : Buffer.from(renderMarkdown(doc), 'utf8');
    await finish(deps, userId, exportId, { status: 'done', content, error: null }, job);
    return 'done';
  } catch (error) {
    deps.logger.error('work-log export failed', { exportId, error: (error as Error).message });
    await finish(deps, userId, exportId, {
      status: 'failed',
      error: 'The export could not be made; try again',
    });
    throw error;
  }
}

async function finish(
  deps: RenderDeps,
  userId: string,
  exportId: string,
  state: Parameters<typeof setExportState>[3],
  job: { id?: string } = {},
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (state.status === 'done' && !(await claimStagedJob(tx, job.id))) return;
    const row = await setExportState(tx, userId, exportId, state);
    if (row)
      await emitEvent(
        tx,
        'WORKLOG_EXPORT_UPDATED',
        { userId, export: toWorklogExport(row) },
        { workspaceId: NO_WORKSPACE, entityId: exportId, actor: null },
      );
  });
}
