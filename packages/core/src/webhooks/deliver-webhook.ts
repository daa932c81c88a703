import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { WEBHOOK_PAYLOAD_VERSION } from '@teamflow/contracts/webhooks';
import type { Env } from '@teamflow/config/env';
import type { Database } from '@teamflow/db/client';
import { guardedLookup, literalTargetRefused } from './webhook-target';
import { findDelivery, findWebhook, recordAttempt } from './webhooks.repository';

const TIMEOUT_MS = 10_000;

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

interface SendResult {
  status: number | null;
  error: string | null;
}

/** POSTs the body with the Standard Webhooks headers; never follows redirects, never reads much back. */
function send(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowPrivate: boolean,
): Promise<SendResult> {
  if (literalTargetRefused(url, allowPrivate))
    return Promise.resolve({ status: null, error: 'The target is a private address' });
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: guardedLookup(allowPrivate),
    timeout: TIMEOUT_MS,
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = request(url, options, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
      res.on('error', (error) => resolve({ status: res.statusCode ?? null, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (error) => resolve({ status: null, error: error.message }));
    req.end(body);
  });
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
  const result = await send(
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
