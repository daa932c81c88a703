import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { deleteWebhookRow } from './webhooks.repository';

/** Removes the webhook and its delivery log; jobs still queued for it find nothing and stop. */
export async function deleteWebhook(deps: CoreDeps, _ctx: WorkspaceCtx, webhookId: string): Promise<void> {
  await deleteWebhookRow(deps.db, webhookId);
}
