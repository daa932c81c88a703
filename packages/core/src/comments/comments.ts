import { z } from 'zod';
import type { Comment, CommentCreate, CommentPage, CommentUpdate } from '@teamflow/contracts/comments';
import type { PageQuery } from '@teamflow/contracts/common';
import { can } from '@teamflow/contracts/permissions';
import { emitEvent } from '../events/emit-event';
import { addWatcher } from '../notifications/notifications.repository';
import { stageCommentNotifications } from '../notifications/stage-notifications';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { decodeCursor, encodeCursor } from '../platform/cursor';
import { forbidden, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import { findTaskBrief } from '../tasks/tasks.repository';
import {
  findCommentRecord,
  insertComment,
  listCommentRecords,
  softDeleteComment,
  updateCommentBody,
  type CommentRecord,
} from './comments.repository';

function toComment(row: CommentRecord): Comment {
  return {
    id: row.id,
    taskId: row.taskId,
    workspaceId: row.workspaceId,
    author: row.author,
    body: row.body,
    editedAt: row.editedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

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
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toComment),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.cursorAt, last.id]) : null,
  };
}

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
    return comment;
  });
}

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
