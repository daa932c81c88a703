'use client';

import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type z } from 'zod';
import { apiRequest, pagePath } from './api-client';

// A feed a person scrolls (comments, activity, the inbox, the registers, digests, deliveries): its
// first page shows at once and "show more" reads the next one by `nextCursor`, so nothing past the
// first page is out of reach. A list needed whole on one screen reads every page with `apiGetAll`.

/** One page of a list as the api answers it (API.md, Lists). */
export interface FeedPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** A feed as the query cache holds it: the pages read so far, in the api's order. */
export type Feed<T> = InfiniteData<FeedPage<T>, string | null>;

type ListSchema = z.ZodType<FeedPage<unknown>>;
type ItemOf<S extends ListSchema> = z.infer<S>['items'][number];

/** Every item read so far, in the api's order. */
export function feedItems<T>(feed: Feed<T> | undefined): T[] {
  return feed ? feed.pages.flatMap((page) => page.items) : [];
}

/** Whether the last page read is the list's last one: an item added at the list's end belongs on it. */
export function feedComplete(feed: Feed<unknown>): boolean {
  return (feed.pages.at(-1)?.nextCursor ?? null) === null;
}

/** The feed with each page's items changed (an edit or a removal heard live). */
export function mapFeedItems<T>(feed: Feed<T>, change: (items: T[]) => T[]): Feed<T> {
  return { ...feed, pages: feed.pages.map((page) => ({ ...page, items: change(page.items) })) };
}

/** The feed with `item` after its last one; only for a complete feed (else it is on a page not read yet). */
export function appendToFeed<T>(feed: Feed<T>, item: T): Feed<T> {
  const last = feed.pages.length - 1;
  return {
    ...feed,
    pages: feed.pages.map((page, i) => (i === last ? { ...page, items: [...page.items, item] } : page)),
  };
}

interface PagedFeedOptions<S extends ListSchema> {
  /** A key from `queryKeys` ending in `'feed'` (the cache holds pages there, not a list). */
  queryKey: QueryKey;
  /** The list's path with its filters; the feed adds `limit` and `cursor`. */
  path: string;
  schema: S;
  /** The first page, what shows at once; each "show more" reads as many again. */
  pageSize: number;
  enabled?: boolean;
  refetchInterval?: number;
}

/**
 * The one way to read a feed: TanStack's infinite query over the list's cursor, with `items` (every
 * page read so far, flattened). Pair it with `ShowMoreButton`. A refetch (an invalidation by a live
 * event) reads again as many pages as were shown, each after the fresh cursor of the one before.
 */
export function usePagedFeed<S extends ListSchema>({
  queryKey,
  path,
  schema,
  pageSize,
  enabled,
  refetchInterval,
}: PagedFeedOptions<S>) {
  const query = useInfiniteQuery<FeedPage<ItemOf<S>>, Error, Feed<ItemOf<S>>, QueryKey, string | null>({
    queryKey,
    enabled,
    refetchInterval,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }): Promise<FeedPage<ItemOf<S>>> =>
      apiRequest('GET', pagePath(path, pageSize, pageParam), { schema, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = useMemo(() => feedItems(query.data), [query.data]);
  return { ...query, items };
}
