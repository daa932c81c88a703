'use client';

import { Button } from './button';

/** What the button needs of a paged feed (`usePagedFeed` in lib/paged-feed.ts gives all of it). */
interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  error: Error | null;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * "Show more" under a paged feed, there while the api has another page. Its text names what it
 * loads ("Show older activity") and does not change. It stays enabled while a page loads (busy; a
 * disabled button would drop the keyboard focus), a second press meanwhile does nothing, and a
 * failed page says so beside it: pressing again retries.
 */
export function ShowMoreButton({ feed, children }: { feed: MorePages; children: string }) {
  if (!feed.hasNextPage) return null;
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        aria-busy={feed.isFetchingNextPage || undefined}
        onClick={() => {
          if (!feed.isFetchingNextPage) void feed.fetchNextPage();
        }}
      >
        {children}
      </Button>
      {feed.isFetchNextPageError ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          Could not load more: {feed.error?.message ?? 'the request failed'}. Press again to retry.
        </p>
      ) : null}
    </div>
  );
}
