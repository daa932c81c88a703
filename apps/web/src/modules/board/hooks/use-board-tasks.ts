'use client';

import { TaskPage, type Task } from '@teamflow/contracts/tasks';
import { experimental_streamedQuery as streamedQuery, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { BOARD_STATUSES } from '../board-columns';
import { useBoardLoadStore } from '../stores/board-load-store';

// The api's largest page; the first one paints the board, the rest stream in behind it.
const PAGE_SIZE = 100;
// A board past this many tasks needs filters, not a longer page loop.
const MAX_PAGES = 50;

async function* taskPages(projectId: string, signal: AbortSignal): AsyncGenerator<Task[]> {
  const { started, progressed } = useBoardLoadStore.getState();
  started(projectId);
  let cursor: string | null = null;
  let loaded = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    // Archived tasks stay off the board, so the api does not send them.
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), sort: 'position' });
    BOARD_STATUSES.forEach((status) => query.append('status', status));
    if (cursor) query.set('cursor', cursor);
    const result = await apiRequest('GET', `/projects/${projectId}/tasks?${query}`, {
      schema: TaskPage,
      signal,
    });
    cursor = result.nextCursor;
    loaded += result.items.length;
    progressed(projectId, loaded, !cursor || page === MAX_PAGES - 1);
    yield result.items;
    if (!cursor) break;
  }
}

/** Adds a page, keeping a copy the cache already has (a live update may have put it there first). */
function addPage(tasks: Task[], page: Task[]): Task[] {
  const known = new Set(tasks.map((t) => t.id));
  const fresh = page.filter((t) => !known.has(t.id));
  return fresh.length > 0 ? [...tasks, ...fresh] : tasks;
}

/**
 * Every task of the project; the board cache that moves and edits update optimistically. The pages
 * stream into the cache, so a big board paints after the first page; a refetch swaps the whole list
 * in once it has every page.
 */
export function useBoardTasks(projectId: string) {
  const query = useQuery({
    queryKey: queryKeys.boardTasks(projectId),
    queryFn: streamedQuery<Task[], Task[]>({
      streamFn: ({ signal }) => taskPages(projectId, signal),
      refetchMode: 'replace',
      reducer: addPage,
      initialValue: [],
    }),
  });
  const load = useBoardLoadStore((s) => s.byProject[projectId]);
  const complete = load?.complete ?? false;
  const { isFetching, isError, refetch } = query;
  // An edit cancels the board query; if that stopped the stream half way, load the rest again.
  useEffect(() => {
    if (load && !complete && !isFetching && !isError) void refetch();
  }, [load, complete, isFetching, isError, refetch]);
  return { ...query, loaded: load?.loaded ?? 0, complete };
}
