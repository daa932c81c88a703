import { z } from 'zod';
import { Id, PageQuery, Timestamp } from './common';

export const Activity = z.object({
  id: Id,
  workspaceId: Id,
  projectId: Id.nullable(),
  taskId: Id.nullable(),
  entityType: z.string(),
  entityId: Id,
  action: z.string(),
  changes: z.record(z.string(), z.unknown()),
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;
export const ActivityPage = z.object({ items: z.array(Activity), nextCursor: z.string().nullable() });
export type ActivityPage = z.infer<typeof ActivityPage>;
export const ActivityQuery = PageQuery;
