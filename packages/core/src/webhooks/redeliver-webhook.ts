import type { RedeliverAccepted } from '@teamflow/contracts/webhooks';
import { deliverWebhookJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { findDelivery, markPendingAgain } from './webhooks.repository';

/** Sends a delivery again (same id and body, so a receiver can tell it is the same message). */
export async function redeliverWebhook(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  webhookId: string,
  deliveryId: string,
): Promise<RedeliverAccepted> {
  return deps.db.transaction(async (tx) => {
    const delivery = await findDelivery(tx, deliveryId);
    if (!delivery || delivery.webhookId !== webhookId) throw notFound('Delivery');
    await markPendingAgain(tx, deliveryId);
    await stageJob(tx, deliverWebhookJob, { deliveryId });
    return { id: deliveryId, status: 'pending' as const };
  });
}
