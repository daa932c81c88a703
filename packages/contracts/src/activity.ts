import { z } from 'zod';
import { Id, page, PageQuery, queryInt, Timestamp } from './common';

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
  /** The workspace seq of the event this change published; null until the relay publishes it. */
  seq: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type Activity = z.infer<typeof Activity>;
export const ActivityPage = page(Activity);
export type ActivityPage = z.infer<typeof ActivityPage>;
export const ActivityQuery = PageQuery.extend({
  /**
   * Only changes whose event seq is greater, oldest first: what a realtime client missed. Without
   * it the history is newest first.
   */
  since: queryInt(0, Number.MAX_SAFE_INTEGER).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;
