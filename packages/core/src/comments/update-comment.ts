import type { Comment, CommentUpdate } from '@teamflow/contracts/comments';
import { can } from '@teamflow/contracts/permissions';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { findTaskBrief } from '../tasks/tasks.repository';
import { toComment } from './comment.mapper';
import { findCommentRecord, updateCommentBody } from './comments.repository';

export async function updateComment(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  commentId: string,
  input: CommentUpdate,
): Promise<Comment> {
  return deps.db.transaction(async (tx) => {
    const existing = await findCommentRecord(tx, commentId);
    if (!existing) throw notFound('Comment');
    if (!can(ctx.role, 'comment.update', existing.authorId === ctx.actor.id)) {
      throw forbidden('Only the author can edit a comment');
    }
    await updateCommentBody(tx, commentId, sanitizeMarkdown(input.body));
    const comment = toComment((await findCommentRecord(tx, commentId))!);
    const task = await findTaskBrief(tx, existing.taskId);
    await emitEvent(tx, 'COMMENT_UPDATED', comment, {
      workspaceId: ctx.workspaceId,
      entityId: commentId,
      actor: ctx.actor,
      projectId: task?.projectId,
      taskId: existing.taskId,
      activity: { entityType: 'comment', action: 'comment_edited' },
    });
    return comment;
  });
}
