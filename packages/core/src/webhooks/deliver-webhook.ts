import { Webhook as StandardWebhook } from 'standardwebhooks';
import { WEBHOOK_PAYLOAD_VERSION } from '@teamflow/contracts/webhooks';
import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import { postToTarget } from './post-to-target';
import { findDelivery, findWebhook, recordAttempt } from './webhooks.repository';

export interface AttemptInfo {
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
  /** Delay BullMQ waits after this attempt if it fails (exponential backoff). */
  nextDelayMs: number;
}

export type DeliveryOutcome = 'succeeded' | 'retrying' | 'failed' | 'skipped';

export class DeliveryFailedError extends Error {
  override name = 'DeliveryFailedError';
}

/**
 * The `integrations/deliver-webhook` job: signs the delivery's body (Standard Webhooks:
 * `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256>`) and POSTs it.
 * A 2xx succeeds. Anything else is logged on the delivery; before the last attempt it stays
 * `pending` with `nextAttemptAt` and throws, so BullMQ retries with backoff; the last marks it
 * `failed`. A delivery already settled, or whose webhook is gone or disabled, is skipped.
 */
export async function deliverWebhook(
  deps: { db: Database; env: Env },
  deliveryId: string,
  info: AttemptInfo,
): Promise<DeliveryOutcome> {
  const delivery = await findDelivery(deps.db, deliveryId);
  if (!delivery || delivery.status !== 'pending') return 'skipped';
  const hook = await findWebhook(deps.db, delivery.webhookId);
  if (!hook || !hook.enabled) return 'skipped';

  const timestamp = new Date();
  const signature = new StandardWebhook(hook.secret).sign(delivery.id, timestamp, delivery.body);
  const started = performance.now();
  const result = await postToTarget(
    new URL(hook.url),
    delivery.body,
    {
      'content-type': 'application/json',
      'user-agent': 'TeamFlow-Webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
      'webhook-version': WEBHOOK_PAYLOAD_VERSION,
    },
    deps.env.WEBHOOKS_ALLOW_PRIVATE,
  );
  const durationMs = Math.round(performance.now() - started);
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const last = info.attempt >= info.maxAttempts;
  const status = ok ? 'succeeded' : last ? 'failed' : 'pending';
  await recordAttempt(
    deps.db,
    deliveryId,
    {
      at: timestamp.toISOString(),
      responseStatus: result.status,
      durationMs,
      error: ok ? null : (result.error ?? `HTTP ${result.status}`),
    },
    { status, nextAttemptAt: status === 'pending' ? new Date(Date.now() + info.nextDelayMs) : null },
  );
  if (ok) return 'succeeded';
  if (last) return 'failed';
  throw new DeliveryFailedError(result.error ?? `The receiver answered ${result.status}`);
}
