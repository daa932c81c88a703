import { randomBytes } from 'node:crypto';
import type { WebhookCreate, WebhookWithSecret } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toWebhook } from './webhook.mapper';
import { assertWebhookTarget } from './webhook-target';
import { insertWebhook } from './webhooks.repository';

/** Standard Webhooks secret: `whsec_` and 24 random bytes in base64. */
const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** Owner or admin. The URL must reach a public address (400 otherwise); the secret is shown once. */
export async function createWebhook(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  input: WebhookCreate,
): Promise<WebhookWithSecret> {
  await assertWebhookTarget(input.url, deps.env.WEBHOOKS_ALLOW_PRIVATE);
  const secret = newSecret();
  const row = await insertWebhook(deps.db, {
    workspaceId: ctx.workspaceId,
    url: input.url,
    events: input.events,
    description: input.description ?? null,
    secret,
    createdBy: ctx.actor.id,
  });
  ctx.logger.info('webhook created', { webhookId: row.id, events: input.events });
  return { ...toWebhook(row), secret };
}
