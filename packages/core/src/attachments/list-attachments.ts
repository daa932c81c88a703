import { z } from 'zod';
import type { AttachmentList } from '@teamflow/contracts/attachments';
import type { PageQuery } from '@teamflow/contracts/common';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toAttachment } from './attachment.mapper';
import { listAttachmentRecords } from './attachments.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('attachments'), z.iso.datetime({ offset: true }), z.uuid()]);

/**
 * A task's attachments, oldest first, keyset-paginated by (createdAt, id). The route's guard has
 * already answered 404 for a task that is gone or not the caller's.
 */
export async function listAttachments(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
  query: PageQuery,
): Promise<AttachmentList> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listAttachmentRecords(deps.db, taskId, {
    limit: query.limit + 1,
    after: after && { createdAt: after[1], id: after[2] },
  });
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [
    'attachments',
    last.cursorAt,
    last.id,
  ]);
  return { items: page.map(toAttachment), nextCursor };
}
