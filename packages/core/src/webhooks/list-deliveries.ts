import { z } from 'zod';
import type { WebhookDeliveryPage, WebhookDeliveryQuery } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toDelivery } from './webhook.mapper';
import { listDeliveryRows } from './webhooks.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('webhook-deliveries'), z.iso.datetime({ offset: true }), z.uuid()]);

/** The delivery log of a webhook, newest first. */
export async function listDeliveries(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  webhookId: string,
  query: WebhookDeliveryQuery,
): Promise<WebhookDeliveryPage> {
  const before = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listDeliveryRows(
    deps.db,
    webhookId,
    query.limit + 1,
    before && { createdAt: before[1], id: before[2] },
  );
  const { page: items, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'webhook-deliveries',
    last.cursorAt,
    last.id,
  ]);
  return {
    items: items.map(toDelivery),
    nextCursor,
  };
}
