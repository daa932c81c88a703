import { LOCAL_MODEL } from '@teamflow/ai/local/local.provider';
import { analyseEntry, type AnalyseDeps, type AnalyseOutcome } from './analyse-entry';
import { entriesAnalysedByOlderLocalRules } from './outdated-analyses.repository';

export type ReanalyseSummary = { found: number } & Record<AnalyseOutcome, number>;

/**
 * The `maintenance/reanalyse-entries` job: analyses stored by older local rules (another
 * `LOCAL_MODEL`) are never read again by themselves, so after an upgrade an entry would keep the
 * old rules' mood, skills and achievements (and its day in insights with them) until its author
 * edits it. This re-reads up to `batchSize` of them, the longest-analysed first, one at a time
 * through `analyseEntry`'s own path (the save that checks the body, the vectors, the event, the
 * day roll-up), with the local rules only: nobody is charged for it, and an analysis a remote
 * provider stored meanwhile is not replaced. A large install catches up over a few runs.
 */
export async function reanalyseOutdatedEntries(
  deps: AnalyseDeps,
  batchSize: number,
): Promise<ReanalyseSummary> {
  const entries = await entriesAnalysedByOlderLocalRules(deps.db, LOCAL_MODEL, batchSize);
  const summary: ReanalyseSummary = { found: entries.length, done: 0, changed: 0, gone: 0, failed: 0 };
  for (const entry of entries) summary[await analyseEntry(deps, entry, { localReread: true })]++;
  return summary;
}
