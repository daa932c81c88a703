import type { ServerEvent } from '@teamflow/contracts/events';
import { PUBLIC_EVENT_NAMES, type WebhookPayload } from '@teamflow/contracts/webhooks';
import type { Tx } from '@teamflow/db/client';
import { deliverWebhookJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import { enabledWebhooksOf, insertDeliveries } from './webhooks.repository';

/**
 * Fed by the event stream: the outbox relay calls this in the transaction that publishes a batch,
 * so each published event with a public name becomes exactly one delivery per subscribed webhook
 * (a batch rolled back publishes nothing and delivers nothing). The body is fixed here, once:
 * every attempt and a redelivery send the same signed bytes.
 */
export async function stageWebhookDeliveries(tx: Tx, events: ServerEvent[]): Promise<number> {
  const outgoing = events.flatMap((event) => {
    const name = PUBLIC_EVENT_NAMES[event.type];
    return name ? [{ event, name }] : [];
  });
  if (outgoing.length === 0) return 0;
  const hooks = await enabledWebhooksOf(tx, [...new Set(outgoing.map((o) => o.event.workspaceId))]);
  if (hooks.length === 0) return 0;
  const values = outgoing.flatMap(({ event, name }) =>
    hooks
      .filter((hook) => hook.workspaceId === event.workspaceId && hook.events.includes(name))
      .map((hook) => {
        const payload: WebhookPayload = { type: name, timestamp: event.at, data: event.data };
        return {
          webhookId: hook.id,
          workspaceId: hook.workspaceId,
          event: name,
          body: JSON.stringify(payload),
          nextAttemptAt: new Date(),
        };
      }),
  );
  const deliveries = await insertDeliveries(tx, values);
  for (const delivery of deliveries) await stageJob(tx, deliverWebhookJob, { deliveryId: delivery.id });
  return deliveries.length;
}
