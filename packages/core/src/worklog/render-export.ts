import { NO_WORKSPACE } from '@teamflow/contracts/events';
import { emitEvent } from '../events/emit-event';
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
 * tells the author (`WORKLOG_EXPORT_UPDATED`). Idempotent: a rerun renders the same file again.
 */
export async function renderExport(
  deps: RenderDeps,
  target: { userId: string; exportId: string },
): Promise<string> {
  const { userId, exportId } = target;
  const row = await findExport(deps.db, userId, exportId);
  if (!row) return 'gone';
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
    await finish(deps, userId, exportId, { status: 'done', content, error: null });
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
): Promise<void> {
  await deps.db.transaction(async (tx) => {
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
