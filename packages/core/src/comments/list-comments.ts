import { z } from 'zod';
import type { CommentPage } from '@teamflow/contracts/comments';
import type { PageQuery } from '@teamflow/contracts/common';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, keysetPage } from '../platform/cursor';
import { toComment } from './comment.mapper';
import { listCommentRecords } from './comments.repository';

export async function listComments(
  deps: CoreDeps,
  _ctx: WorkspaceCtx,
  taskId: string,
  query: PageQuery,
): Promise<CommentPage> {
  const after = query.cursor
    ? decodeCursor(query.cursor, z.tuple([z.iso.datetime({ offset: true }), z.uuid()]))
    : undefined;
  const rows = await listCommentRecords(
    deps.db,
    taskId,
    query.limit + 1,
    after && { createdAt: after[0], id: after[1] },
  );
  const { page, nextCursor } = keysetPage(rows, query.limit, (last) => [last.cursorAt, last.id]);
  return {
    items: page.map(toComment),
    nextCursor,
  };
}
