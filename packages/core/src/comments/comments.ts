import { z } from 'zod';
import type { Comment, CommentCreate, CommentPage, CommentUpdate } from '@teamflow/contracts/comments';
import type { PageQuery } from '@teamflow/contracts/common';
import { can } from '@teamflow/contracts/permissions';
import { recordChange } from '../activity/activity.repository';
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
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      projectId: task.projectId,
      taskId,
      entityType: 'comment',
      entityId: row.id,
      action: 'commented',
      changes: {},
      actor: ctx.actor,
      event: { type: 'COMMENT_CREATED', data: comment },
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
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      projectId: task?.projectId,
      taskId: existing.taskId,
      entityType: 'comment',
      entityId: commentId,
      action: 'comment_edited',
      actor: ctx.actor,
      event: { type: 'COMMENT_UPDATED', data: comment },
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
    await recordChange(tx, {
      workspaceId: ctx.workspaceId,
      projectId: task?.projectId,
      taskId: existing.taskId,
      entityType: 'comment',
      entityId: commentId,
      action: 'comment_deleted',
      actor: ctx.actor,
      event: { type: 'COMMENT_DELETED', data: { id: commentId, taskId: existing.taskId } },
    });
  });
}
