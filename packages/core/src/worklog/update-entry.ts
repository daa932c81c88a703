import { NO_WORKSPACE } from '@teamflow/contracts/events';
import type { WorklogEntry, WorklogEntryUpdate } from '@teamflow/contracts/worklog';
import { aiAnalyseEntryJob } from '@teamflow/queue/jobs';
import { emitEvent } from '../events/emit-event';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, Ctx } from '../platform/context';
import { conflict, notFound } from '../platform/errors';
import { normaliseTags, storedBody, wordCount } from './entry-text';
import { toWorklogEntry } from './worklog.mapper';
import { findEntry, markAnalysisPending, updateEntry as writeEntry } from './worklog.repository';

/**
 * The autosave: `UPDATE … WHERE version = $seen`. A stale version is a 409 carrying the entry as
 * it is now (`details.current`), so the editor can show both versions; nothing is overwritten.
 * Each save restarts the debounced analysis of this entry.
 */
export async function updateEntry(
  deps: CoreDeps,
  ctx: Ctx,
  entryId: string,
  input: WorklogEntryUpdate,
): Promise<WorklogEntry> {
  const userId = ctx.actor.id;
  return deps.db.transaction(async (tx) => {
    const row = await writeEntry(tx, userId, entryId, input.version, {
      body: storedBody(input.body),
      ...(input.tags ? { tags: normaliseTags(input.tags) } : {}),
      ...(input.date ? { date: input.date } : {}),
    });
    if (!row) {
      const current = await findEntry(tx, userId, entryId);
      if (!current) throw notFound('Entry');
      throw conflict('The entry was changed since you loaded it', { current: toWorklogEntry(current) });
    }
    await markAnalysisPending(tx, userId, entryId);
    await stageJob(tx, aiAnalyseEntryJob, { userId, entryId });
    await emitEvent(
      tx,
      'WORKLOG_ENTRY_WRITTEN',
      { userId, entryId, date: row.date, created: false, words: wordCount(row.body) },
      { workspaceId: NO_WORKSPACE, entityId: entryId, actor: ctx.actor, version: row.version },
    );
    return toWorklogEntry((await findEntry(tx, userId, entryId))!);
  });
}
