import { z } from 'zod';
import type { CommentPage } from '@teamflow/contracts/comments';
import type { PageQuery } from '@teamflow/contracts/common';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toComment } from './comment.mapper';
import { listCommentRecords } from './comments.repository';

// The list's name leads the tuple, so a cursor from another (createdAt, id) list is refused, not misread.
const Cursor = z.tuple([z.literal('comments'), z.iso.datetime({ offset: true }), z.uuid()]);

export async function listComments(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
  query: PageQuery,
): Promise<CommentPage> {
  const after = query.cursor ? decodeCursor(query.cursor, Cursor) : undefined;
  const rows = await listCommentRecords(
    deps.db,
    taskId,
    query.limit + 1,
    after && { createdAt: after[1], id: after[2] },
  );
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => ['comments', last.cursorAt, last.id]);
  return {
    items: page.map(toComment),
    nextCursor,
  };
}
