import { analyseEntry, type AnalyseDeps } from '@teamflow/core/worklog/analyse-entry';
import { aiAnalyseEntryJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/**
 * ai/analyse-entry: debounced per entry (a burst of autosaves runs once, after the last). An AI
 * failure is recorded on the analysis (status failed); anything else is retried by BullMQ.
 */
export const analyseEntryHandler = (deps: Omit<AnalyseDeps, 'logger'>): Registration =>
  register(aiAnalyseEntryJob, (payload, { job, log }) =>
    analyseEntry({ ...deps, logger: log }, payload, { jobId: job.id }),
  );
