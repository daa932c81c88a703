import { embedProjectTasks, type EmbedDeps } from '@teamflow/core/ai/embed-project-tasks';
import { aiEmbedTasksJob } from '@teamflow/queue/jobs';
import { register, type Registration } from '../../runtime';

/**
 * ai/embed-tasks: brings a project's task embeddings up to date. Idempotent (only stale tasks are
 * sent); a provider that does not answer fails the attempt and BullMQ retries it later.
 */
export const embedTasksHandler = (deps: Omit<EmbedDeps, 'logger'>): Registration =>
  register(aiEmbedTasksJob, (payload, { log }) => embedProjectTasks({ ...deps, logger: log }, payload));
