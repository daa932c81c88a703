import { renderExport, type RenderDeps } from '@teamflow/core/worklog/render-export';
import { worklogExportJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/** ai/worklog-export: renders a review or CV export into its row (Markdown or PDF). */
export const worklogExportHandler = (deps: Omit<RenderDeps, 'logger'>): Registration =>
  register(worklogExportJob, (payload, { job, log }) =>
    renderExport({ ...deps, logger: log }, payload, { id: job.id }),
  );
