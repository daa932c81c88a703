import { z } from 'zod';
import { Id, Markdown, page, Timestamp } from './common';
import { UserSummary } from './users';

export const CommentCreate = z.object({ body: Markdown(20000).trim().min(1) });
export type CommentCreate = z.infer<typeof CommentCreate>;
export const CommentUpdate = CommentCreate;
export type CommentUpdate = CommentCreate;

export const Comment = z.object({
  id: Id,
  taskId: Id,
  workspaceId: Id,
  author: UserSummary,
  body: z.string(),
  editedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Comment = z.infer<typeof Comment>;
export const CommentPage = page(Comment);
export type CommentPage = z.infer<typeof CommentPage>;
