import type { Comment } from '@teamflow/contracts/comments';
import type { CommentRecord } from './comments.repository';

export function toComment(row: CommentRecord): Comment {
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
