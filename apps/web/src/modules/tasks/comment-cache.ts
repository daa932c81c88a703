import type { Comment } from '@teamflow/contracts/comments';
import type { QueryClient } from '@tanstack/react-query';
import { appendToFeed, feedComplete, feedItems, type Feed } from '@/lib/paged-feed';
import { queryKeys } from '@/lib/query-keys';

// A task's comments are pages read oldest first (`useComments`), and a comment just posted is the
// newest: while pages after the ones shown remain, it belongs on one of them, and the person who
// wrote it would not see it until they pressed "Show newer comments". So a posted comment is also
// kept apart (`taskCommentsPosted`, never fetched) and shown after that button until a page read
// holds it. A reading of the thread again (an invalidation reads as many pages as were shown) can
// put it past them too: a thread of one full page that the post took to 101.

/** A comment this person posted (the api's answer), shown at the end of its task's thread at once. */
export function showPostedComment(queryClient: QueryClient, comment: Comment): void {
  // Every page read: it goes last, where a live comment after it will follow it.
  queryClient.setQueryData<Feed<Comment>>(queryKeys.taskComments(comment.taskId), (feed) =>
    feed && feedComplete(feed) && !feedItems(feed).some((c) => c.id === comment.id)
      ? appendToFeed(feed, comment)
      : undefined,
  );
  queryClient.setQueryData<Comment[]>(queryKeys.taskCommentsPosted(comment.taskId), (posted = []) =>
    posted.some((c) => c.id === comment.id) ? undefined : [...posted, comment],
  );
}

/** An edit of a posted comment (heard live or saved here), if later than the copy kept. */
export function updatePostedComment(queryClient: QueryClient, comment: Comment): boolean {
  let changed = false;
  queryClient.setQueryData<Comment[]>(queryKeys.taskCommentsPosted(comment.taskId), (posted) => {
    const kept = posted?.find((c) => c.id === comment.id);
    // Edits carry updatedAt: the later one wins, an echo or an older copy changes nothing.
    if (!posted || !kept || kept.updatedAt >= comment.updatedAt) return undefined;
    changed = true;
    return posted.map((c) => (c.id === comment.id ? comment : c));
  });
  return changed;
}

/** A posted comment that was deleted (heard live or deleted here) is no longer shown. */
export function forgetPostedComment(queryClient: QueryClient, taskId: string, commentId: string): boolean {
  let changed = false;
  queryClient.setQueryData<Comment[]>(queryKeys.taskCommentsPosted(taskId), (posted) => {
    if (!posted?.some((c) => c.id === commentId)) return undefined;
    changed = true;
    return posted.filter((c) => c.id !== commentId);
  });
  return changed;
}

/** The posted comments to show after "Show newer comments": those no page read holds yet. */
export function postedPastPages(feed: Feed<Comment> | undefined, posted: Comment[] | undefined): Comment[] {
  // Once every page is read, the pages hold each comment in its place (and a deleted one in none).
  if (!feed || feedComplete(feed) || !posted?.length) return [];
  const read = new Set(feedItems(feed).map((c) => c.id));
  return posted.filter((c) => !read.has(c.id));
}
