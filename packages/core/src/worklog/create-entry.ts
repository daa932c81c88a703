import { NO_WORKSPACE } from '@teamflow/contracts/events';
import type { WorklogEntry, WorklogEntryCreate } from '@teamflow/contracts/worklog';
import { aiAnalyseEntryJob } from '@teamflow/queue/jobs';
import { emitEvent } from '../events/emit-event';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, Ctx } from '../platform/context';
import { todayIn } from '../platform/local-dates';
import { normaliseTags, storedBody, wordCount } from './entry-text';
import { toWorklogEntry } from './worklog.mapper';
import { findEntry, insertEntry, markAnalysisPending } from './worklog.repository';

/**
 * A new entry on the author's own day (today in their zone unless given). In one transaction:
 * the row, its pending analysis, the debounced `ai/analyse-entry` job and the personal
 * `WORKLOG_ENTRY_WRITTEN` event (which Progress may turn into XP).
 */
export async function createEntry(
  deps: CoreDeps,
  ctx: Ctx,
  timeZone: string,
  input: WorklogEntryCreate,
): Promise<WorklogEntry> {
  const userId = ctx.actor.id;
  return deps.db.transaction(async (tx) => {
    const row = await insertEntry(tx, userId, {
      date: input.date ?? todayIn(timeZone),
      body: storedBody(input.body),
      tags: normaliseTags(input.tags ?? []),
    });
    await markAnalysisPending(tx, userId, row.id);
    await stageJob(tx, aiAnalyseEntryJob, { userId, entryId: row.id });
    await emitEvent(
      tx,
      'WORKLOG_ENTRY_WRITTEN',
      { userId, entryId: row.id, date: row.date, created: true, words: wordCount(row.body) },
      { workspaceId: NO_WORKSPACE, entityId: row.id, actor: ctx.actor, version: row.version },
    );
    return toWorklogEntry((await findEntry(tx, userId, row.id))!);
  });
}
