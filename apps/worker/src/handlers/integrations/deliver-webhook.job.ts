import type { Env } from '@teamflow/config/env';
import { deliverWebhook } from '@teamflow/core/webhooks/deliver-webhook';
import type { Database } from '@teamflow/db/client';
import { deliverWebhookJob, WEBHOOK_BACKOFF_MS } from '@teamflow/queue/jobs';
import { register } from '../../runtime';

/**
 * One signed POST per attempt; a failure before the last attempt throws so BullMQ backs off and
 * retries. Its staged job is not claimed in a transaction: the effect is an HTTP request to
 * someone else's server, outside PostgreSQL, so the runtime marks the row done after the handler.
 * The delivery row is the dedupe (a delivery no longer `pending` is skipped), and a POST repeated
 * after a crash between the request and `recordAttempt` carries the same `webhook-id`, by which
 * Standard Webhooks receivers drop duplicates.
 */
export const deliverWebhookHandler = (deps: { db: Database; env: Env }) =>
  register(deliverWebhookJob, async (payload, { job, log }) => {
    const attempt = job.attemptsMade + 1;
    const outcome = await deliverWebhook(deps, payload.deliveryId, {
      attempt,
      maxAttempts: job.opts.attempts ?? 1,
      // BullMQ's exponential backoff: delay × 2^(failed attempts − 1).
      nextDelayMs: WEBHOOK_BACKOFF_MS * 2 ** (attempt - 1),
    });
    log.info('webhook delivery', { deliveryId: payload.deliveryId, attempt, outcome });
    return { outcome };
  });
