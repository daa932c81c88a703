import { scanAttachment } from '@teamflow/core/attachments/scan-attachment';
import type { CoreDeps } from '@teamflow/core/platform/context';
import { scanAttachmentJob } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/** Scans an attachment stored `pending` (clamd was away at upload); clamd still away → retried with backoff. */
export const scanAttachmentHandler = (deps: Pick<CoreDeps, 'db' | 'env'>) =>
  register(scanAttachmentJob, async (payload, { job, log }) => {
    const outcome = await scanAttachment(deps, payload.attachmentId, { id: job.id });
    log.info('attachment scanned', { attachmentId: payload.attachmentId, outcome });
    return { outcome };
  });
