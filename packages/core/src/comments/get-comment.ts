import type { Comment } from '@teamflow/contracts/comments';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { toComment } from './comment.mapper';
import { findCommentRecord } from './comments.repository';

/** A comment as it stands (what a replayed create answers; the route checked access to its task). */
export async function getComment(deps: CoreDeps, _ctx: WorkspaceCtx, commentId: string): Promise<Comment> {
  const row = await findCommentRecord(deps.db, commentId);
  if (!row) throw notFound('Comment');
  return toComment(row);
}
