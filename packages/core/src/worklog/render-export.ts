import { NO_WORKSPACE } from '@teamflow/contracts/events';
import { emitEvent } from '../events/emit-event';
import { claimStagedJob, stagedJobDone } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import { endOfLocalDay, localDateOf, startOfLocalDay } from '../platform/local-dates';
import type { Logger } from '../platform/logger';
import { loadUser } from '../auth/authenticate';
import { buildExportDocument } from './build-export';
import { renderMarkdown, renderPdf } from './export-document';
import { toWorklogExport } from './worklog.mapper';
import { completedTasks, entriesInRange, findExport, setExportState } from './worklog.repository';

export type RenderDeps = Pick<CoreDeps, 'db'> & { logger: Logger };

/**
 * The `ai/worklog-export` job: builds the review or CV of the range from the author's entries
 * (with their analysis) and completed tasks, renders Markdown or PDF into the export's row and
 * tells the author (`WORKLOG_EXPORT_UPDATED`). Idempotent: a rerun renders the same file again;
 * with the BullMQ job, its staged job is claimed in the transaction that stores the file, and a
 * staged job that already ran does not set its export back to running.
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
    const zone = user.timeZone;
    const [entries, tasks] = await Promise.all([
      entriesInRange(deps.db, userId, row.fromDate, row.toDate),
      completedTasks(deps.db, userId, startOfLocalDay(row.fromDate, zone), endOfLocalDay(row.toDate, zone)),
    ]);
    const doc = buildExportDocument({
      kind: row.kind,
      authorName: user.name,
      from: row.fromDate,
      to: row.toDate,
      entries,
      tasks: tasks.map((t) => ({ ...t, localDate: localDateOf(t.done_at, zone) })),
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
