import { z } from 'zod';
import type { WebhookDeliveryPage, WebhookDeliveryQuery } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toDelivery } from './webhook.mapper';
import { listDeliveryRows } from './webhooks.repository';

const Cursor = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

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
    before && { createdAt: before[0], id: before[1] },
  );
  const { page: items, nextCursor } = keysetPage(rows, query.limit, (last) => [last.cursorAt, last.id]);
  return {
    items: items.map(toDelivery),
    nextCursor,
  };
}
