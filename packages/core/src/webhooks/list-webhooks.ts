import { z } from 'zod';
import type { PageQuery } from '@teamflow/contracts/common';
import type { WebhookList } from '@teamflow/contracts/webhooks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toWebhook } from './webhook.mapper';
import { listWebhookRows } from './webhooks.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('webhooks'), z.iso.datetime({ offset: true }), z.uuid()]);

/** A workspace's webhooks, oldest first, keyset-paginated by (createdAt, id); secrets are never listed. */
export async function listWebhooks(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  query: PageQuery,
): Promise<WebhookList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listWebhookRows(deps.db, ctx.workspaceId, {
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['webhooks', last.cursorAt, last.id]);
  return { items: page.map(toWebhook), nextCursor };
}
