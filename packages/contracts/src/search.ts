import { z } from 'zod';
import { Id, page, PageQuery } from './common';
import { DecisionStatus } from './decisions';
import { IncidentStatus } from './incidents';
import { TaskStatus } from './tasks';

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  // The list convention: ?limit= (1–100, default 50) and ?cursor= for the next page of hits.
  limit: PageQuery.shape.limit,
  cursor: PageQuery.shape.cursor,
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
// Hits by rank, highest first, a page at a time like every list: `nextCursor` while more follow.
export const SearchResults = page(SearchHit);
export type SearchResults = z.infer<typeof SearchResults>;
