'use client';

import { TaskPage, type Task } from '@teamflow/contracts/tasks';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';

const PAGE_SIZE = 100;
// A board past this many tasks needs filters, not a longer page loop.
const MAX_PAGES = 20;

async function fetchAllTasks(projectId: string, signal: AbortSignal): Promise<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), sort: 'position' });
    if (cursor) query.set('cursor', cursor);
    const result = await apiRequest('GET', `/projects/${projectId}/tasks?${query}`, {
      schema: TaskPage,
      signal,
    });
    tasks.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tasks;
}

/** Every task of the project; the board cache that moves and edits update optimistically. */
export function useBoardTasks(projectId: string) {
  return useQuery({
    queryKey: queryKeys.boardTasks(projectId),
    queryFn: ({ signal }) => fetchAllTasks(projectId, signal),
  });
}
