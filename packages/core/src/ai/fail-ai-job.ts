import type { CoreDeps } from '../platform/context';
import type { Logger } from '../platform/logger';
import { updateAiJob } from './ai.repository';

export async function failAiJob(
  deps: Pick<CoreDeps, 'db'> & { logger: Logger },
  aiJobId: string,
  code: string,
  message: string,
): Promise<void> {
  await updateAiJob(deps.db, aiJobId, { state: 'failed', error: { code, message }, finishedAt: new Date() });
  deps.logger.warn('ai job failed', { aiJobId, code, message });
}
