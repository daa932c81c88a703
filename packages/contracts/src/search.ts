import { z } from 'zod';
import { Id, PageQuery } from './common';
import { DecisionStatus } from './decisions';
import { IncidentStatus } from './incidents';
import { TaskStatus } from './tasks';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  // The list convention's bounds (1–100, default 50).
  limit: PageQuery.shape.limit,
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('task'),
    id: Id,
    projectId: Id,
    key: z.string(),
    title: z.string(),
    status: TaskStatus,
    snippet: z.string(),
    rank: z.number(),
  }),
  z.object({
    type: z.literal('comment'),
    id: Id,
    taskId: Id,
    projectId: Id,
    key: z.string(),
    title: z.string(),
    snippet: z.string(),
    rank: z.number(),
  }),
  z.object({
    type: z.literal('decision'),
    id: Id,
    key: z.string(),
    title: z.string(),
    status: DecisionStatus,
    snippet: z.string(),
    rank: z.number(),
  }),
  z.object({
    type: z.literal('incident'),
    id: Id,
    key: z.string(),
    title: z.string(),
    status: IncidentStatus,
    snippet: z.string(),
    rank: z.number(),
  }),
]);
export type SearchHit = z.infer<typeof SearchHit>;
// The best `limit` hits by rank, one page: `nextCursor` is always null, in the `{items, nextCursor}` shape every list has.
export const SearchResults = z.object({ items: z.array(SearchHit), nextCursor: z.null() });
export type SearchResults = z.infer<typeof SearchResults>;
