import type { Webhook, WebhookUpdate } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toWebhook } from './webhook.mapper';
import { assertWebhookTarget } from './webhook-target';
import { updateWebhookRow } from './webhooks.repository';

export async function updateWebhook(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  webhookId: string,
  input: WebhookUpdate,
): Promise<Webhook> {
  if (input.url !== undefined) await assertWebhookTarget(input.url, deps.env.WEBHOOKS_ALLOW_PRIVATE);
  const row = await updateWebhookRow(deps.db, webhookId, {
    ...(input.url !== undefined ? { url: input.url } : {}),
    ...(input.events !== undefined ? { events: input.events } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
  });
  if (!row) throw notFound('Webhook');
  return toWebhook(row);
}
