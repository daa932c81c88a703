import type { Comment, CommentCreate } from '@teamflow/contracts/comments';
import { emitEvent } from '../events/emit-event';
import { addWatcher } from '../notifications/notifications.repository';
import { stageCommentNotifications } from '../notifications/stage-notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import { recordIdempotentWrite } from '../platform/idempotent-writes';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { findTaskBrief } from '../tasks/tasks.repository';
import { toComment } from './comment.mapper';
import { findCommentRecord, insertComment } from './comments.repository';

export async function createComment(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  input: CommentCreate,
): Promise<Comment> {
  return deps.db.transaction(async (tx) => {
    const task = await findTaskBrief(tx, taskId);
    if (!task) throw notFound('Task');
    const row = await insertComment(tx, {
      workspaceId: ctx.workspaceId,
      taskId,
      authorId: ctx.actor.id,
      body: sanitizeMarkdown(input.body),
    });
    const comment = toComment((await findCommentRecord(tx, row.id))!);
    await emitEvent(tx, 'COMMENT_CREATED', comment, {
      workspaceId: ctx.workspaceId,
      entityId: row.id,
      actor: ctx.actor,
      projectId: task.projectId,
      taskId,
      activity: { entityType: 'comment', action: 'commented' },
    });
    // Commenting on a task follows it: later comments notify you too.
    await addWatcher(tx, taskId, ctx.actor.id);
    await stageCommentNotifications(tx, {
      workspaceId: ctx.workspaceId,
      taskId,
      actorId: ctx.actor.id,
      commentId: row.id,
      body: comment.body,
    });
    await recordIdempotentWrite(tx, ctx, comment.id);
    return comment;
  });
}
