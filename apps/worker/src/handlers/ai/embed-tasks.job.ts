import { embedProjectTasks, type EmbedDeps } from '@teamflow/core/ai/embed-project-tasks';
import { aiEmbedTasksJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/**
 * ai/embed-tasks: brings a project's task embeddings up to date. Idempotent (only stale tasks are
 * sent); a provider that does not answer fails the attempt and BullMQ retries it later. Its staged
 * job is not claimed: each task's vector is stored with the content hash it was made from, which is
 * the claim (a rerun finds nothing stale), and the job works in batches, so a claim in its first
 * would make a retry after a later batch failed skip the rest. The runtime marks the row done.
 */
export const embedTasksHandler = (deps: Omit<EmbedDeps, 'logger'>): Registration =>
  register(aiEmbedTasksJob, (payload, { log }) => embedProjectTasks({ ...deps, logger: log }, payload));
