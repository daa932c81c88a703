'use client';

import { TaskPage, type Task } from '@teamflow/contracts/tasks';
import { experimental_streamedQuery as streamedQuery, queryOptions, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { apiRequest } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import { BOARD_STATUSES, type BoardStatus } from '../task-status';
import { useBoardLoadStore } from '../stores/board-load-store';

// The api's largest page. A column's first page is what a screen shows; the rest stream in behind it.
const PAGE_SIZE = 100;
// Per column: a board past this many tasks needs filters, not a longer page loop.
const MAX_PAGES = 30;

interface ColumnPage {
  status: BoardStatus;
  page: TaskPage;
}

function fetchColumnPage(
  projectId: string,
  status: BoardStatus,
  cursor: string | null,
  signal: AbortSignal,
): Promise<ColumnPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE), sort: 'position', status });
  if (cursor) query.set('cursor', cursor);
  const request = apiRequest('GET', `/projects/${projectId}/tasks?${query}`, {
    schema: TaskPage,
    signal,
  }).then((page) => ({ status, page }));
  // A page still in flight when another fails (or the query is cancelled) must not be an unhandled rejection.
  request.catch(() => undefined);
  return request;
}

/**
 * The board's tasks, column by column in parallel (archived tasks never load): first every
 * column's first page in one chunk, so the first paint has the top of each column, then the
 * remaining pages as they arrive, each column following its own cursor.
 */
async function* taskPages(projectId: string, signal: AbortSignal): AsyncGenerator<Task[]> {
  const { started, progressed } = useBoardLoadStore.getState();
  started(projectId);
  const firsts = await Promise.all(BOARD_STATUSES.map((s) => fetchColumnPage(projectId, s, null, signal)));
  let loaded = 0;
  const pagesRead = new Map<BoardStatus, number>();
  const inFlight = new Map<BoardStatus, Promise<ColumnPage>>();
  const follow = ({ status, page }: ColumnPage) => {
    loaded += page.items.length;
    const read = (pagesRead.get(status) ?? 0) + 1;
    pagesRead.set(status, read);
    if (page.nextCursor && read < MAX_PAGES)
      inFlight.set(status, fetchColumnPage(projectId, status, page.nextCursor, signal));
  };
  firsts.forEach(follow);
  // A board that fits in the first pages is complete with its first paint (no second render).
  if (inFlight.size === 0) progressed(projectId, loaded, true);
  yield firsts.flatMap((f) => f.page.items);
  progressed(projectId, loaded, inFlight.size === 0);
  while (inFlight.size > 0) {
    const next = await Promise.race(inFlight.values());
    inFlight.delete(next.status);
    follow(next);
    yield next.page.items;
    progressed(projectId, loaded, inFlight.size === 0);
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
export function boardTasksQuery(projectId: string) {
  return queryOptions({
    queryKey: queryKeys.boardTasks(projectId),
    queryFn: streamedQuery<Task[], Task[]>({
      streamFn: ({ signal }) => taskPages(projectId, signal),
      refetchMode: 'replace',
      reducer: addPage,
      initialValue: [],
    }),
  });
}

/** Every task of the project (see `boardTasksQuery`), with how far its pages have loaded. */
export function useBoardTasks(projectId: string) {
  const query = useQuery(boardTasksQuery(projectId));
  const load = useBoardLoadStore((s) => s.byProject[projectId]);
  // No load started yet but data in the cache: the board restored from the saved cache (a reload
  // offline), which was complete when it was saved.
  const complete = load ? load.complete : query.isSuccess;
  const { isFetching, isError, refetch } = query;
  // An edit cancels the board query; if that stopped the stream half way, load the rest again.
  useEffect(() => {
    if (load && !complete && !isFetching && !isError) void refetch();
  }, [load, complete, isFetching, isError, refetch]);
  return { ...query, loaded: load?.loaded ?? 0, complete };
}
