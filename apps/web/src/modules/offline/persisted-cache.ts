import { dehydrate, hydrate, type Query, type QueryClient } from '@tanstack/react-query';
import { offlineDb } from './offline-db';

// The signed-in person's query cache, kept in IndexedDB so the pages they last saw (workspaces,
// projects, board, list, calendar, task, inbox) open without a network, even after a reload. One
// row per user, wiped on sign-out (`wipeOfflineData`); restored only when a page loads offline.

/** A cache older than this is not worth showing as "what you last saw". */
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
const SAVE_DELAY_MS = 1000;

/** Keys never kept: who is signed in (restored its own way), AI jobs in flight, key lookups. */
const TRANSIENT = new Set(['session', 'ai-jobs']);

function worthKeeping(query: Query): boolean {
  return query.state.status === 'success' && !TRANSIENT.has(String(query.queryKey[0]));
}

/** Puts the person's last saved cache back (when the api cannot be reached at load). */
export async function restoreCache(queryClient: QueryClient, userId: string): Promise<boolean> {
  const row = await (await offlineDb()).get('cache', userId);
  if (!row || Date.now() - row.savedAt > MAX_AGE_MS) return false;
  hydrate(queryClient, row.state);
  return true;
}

/** Saves the cache a second after each change to it, while this person is signed in. */
export function persistCache(queryClient: QueryClient, userId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const save = async () => {
    timer = undefined;
    const state = dehydrate(queryClient, { shouldDehydrateQuery: worthKeeping });
    if (stopped) return;
    await (await offlineDb()).put('cache', { userId, savedAt: Date.now(), state });
  };
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    timer ??= setTimeout(() => void save().catch(() => undefined), SAVE_DELAY_MS);
  });
  return () => {
    stopped = true;
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}
