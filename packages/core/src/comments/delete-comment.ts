import { can } from '@teamflow/contracts/permissions';
import { emitEvent } from '../events/emit-event';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { forbidden, notFound } from '../platform/errors';
import { findTaskBrief } from '../tasks/tasks.repository';
import { findCommentRecord, softDeleteComment } from './comments.repository';

export async function deleteComment(deps: CoreDeps, ctx: WorkspaceCtx, commentId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const existing = await findCommentRecord(tx, commentId);
    if (!existing) throw notFound('Comment');
    if (!can(ctx.role, 'comment.delete', existing.authorId === ctx.actor.id)) {
      throw forbidden('Only the author or an admin can delete a comment');
    }
    await softDeleteComment(tx, commentId);
    const task = await findTaskBrief(tx, existing.taskId);
    await emitEvent(
      tx,
      'COMMENT_DELETED',
      { id: commentId, taskId: existing.taskId },
      {
        workspaceId: ctx.workspaceId,
        entityId: commentId,
        actor: ctx.actor,
        projectId: task?.projectId,
        taskId: existing.taskId,
        activity: { entityType: 'comment', action: 'comment_deleted' },
      },
    );
  });
}
