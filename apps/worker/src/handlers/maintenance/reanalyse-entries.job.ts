import type { AnalyseDeps } from '@teamflow/core/worklog/analyse-entry';
import { reanalyseOutdatedEntries } from '@teamflow/core/worklog/reanalyse-outdated-entries';
import { reanalyseEntriesJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/** maintenance/reanalyse-entries: one bounded batch of analyses by older local rules, read again. */
export const reanalyseEntriesHandler = (deps: Omit<AnalyseDeps, 'logger'>): Registration =>
  register(reanalyseEntriesJob, async ({ batchSize }, { log }) => {
    const summary = await reanalyseOutdatedEntries({ ...deps, logger: log }, batchSize);
    if (summary.found) log.info('analyses by older local rules read again', summary);
    return summary;
  });
