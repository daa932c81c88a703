import type { WebhookList } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { toWebhook } from './webhook.mapper';
import { listWebhookRows } from './webhooks.repository';

/** A workspace's webhooks (a handful: one page), oldest first; secrets are never listed. */
export async function listWebhooks(deps: CoreDeps, ctx: WorkspaceCtx): Promise<WebhookList> {
  const rows = await listWebhookRows(deps.db, ctx.workspaceId);
  return { items: rows.map(toWebhook), nextCursor: null };
}
