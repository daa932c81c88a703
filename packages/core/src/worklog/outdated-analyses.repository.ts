import { and, asc, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { worklogInsights } from '@teamflow/db/schema/index';

/**
 * The work log's one query across authors, for the background re-read. PRIVACY: it returns ids
 * only, never a body or an analysis; each entry is then read and written through the author-fenced
 * functions of worklog.repository.ts, with the author's id it came with.
 */

export interface AnalysedEntryRef {
  userId: string;
  entryId: string;
}

/**
 * Up to `limit` entries whose finished analysis (done, or failed since) was made by local rules
 * other than `currentModel`, the longest-analysed first. Analyses by a remote provider are not
 * among them: their moods are the provider's, which the local rules do not replace.
 */
export async function entriesAnalysedByOlderLocalRules(
  db: DbOrTx,
  currentModel: string,
  limit: number,
): Promise<AnalysedEntryRef[]> {
  return db
    .select({ userId: worklogInsights.userId, entryId: worklogInsights.entryId })
    .from(worklogInsights)
    .where(
      and(
        // Written out, not sent as parameters: the planner matches them to the partial index
        // worklog_insights_local_reread_idx from the statement's text, so a generic plan (a
        // prepared statement's, after five runs) can use it too.
        sql`${worklogInsights.provider} = 'local'`,
        ne(worklogInsights.model, currentModel),
        sql`${worklogInsights.status} in ('done', 'failed')`,
      ),
    )
    .orderBy(asc(worklogInsights.analysedAt), asc(worklogInsights.entryId))
    .limit(limit);
}
