import {
  dehydrate,
  hydrate,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { offlineDb } from './offline-db';

// The signed-in person's query cache, kept in IndexedDB so the pages they last saw (workspaces,
// projects, board, list, calendar, task, inbox) open without a network, even after a reload. One
// row per user, wiped on sign-out (`wipeOfflineData`); restored only when a page loads offline.
// Each page load starts with an empty cache, so a save merges into what is stored rather than
// replacing it: the list opened in one load and the inbox in the next are both kept.

/** A cache older than this is not worth showing as "what you last saw". */
const MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;
const SAVE_DELAY_MS = 1000;
/** Enough for every page a person moves between; the least recently fetched go first. */
const MAX_QUERIES = 300;

/** Keys never kept: who is signed in (restored its own way), AI jobs in flight, key lookups. */
const TRANSIENT = new Set(['session', 'ai-jobs']);

/**
 * A query still fetching is not saved: a streamed board is `success` from its first page on, and a
 * save then would store part of the board for an offline reload to show as the whole (drops on
 * it would take neighbours from the part). The copy saved earlier stays until the fetch settles.
 */
function worthKeeping(query: Query): boolean {
  return (
    query.state.status === 'success' &&
    query.state.fetchStatus !== 'fetching' &&
    !TRANSIENT.has(String(query.queryKey[0]))
  );
}

/**
 * What this page holds now, over what earlier page loads saved: a query this page has wins, the
 * others stay while younger than MAX_AGE_MS, newest first up to MAX_QUERIES.
 */
export function mergeSavedCache(
  saved: DehydratedState | undefined,
  current: DehydratedState,
  now = Date.now(),
): DehydratedState {
  const present = new Set(current.queries.map((q) => q.queryHash));
  const kept = (saved?.queries ?? []).filter(
    (q) => !present.has(q.queryHash) && now - q.state.dataUpdatedAt <= MAX_AGE_MS,
  );
  const queries = [...current.queries, ...kept]
    .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
    .slice(0, MAX_QUERIES);
  return { ...current, queries };
}

/** Puts the person's last saved cache back (when the api cannot be reached at load). */
export async function restoreCache(queryClient: QueryClient, userId: string): Promise<boolean> {
  const row = await (await offlineDb()).get('cache', userId);
  if (!row || Date.now() - row.savedAt > MAX_AGE_MS) return false;
  hydrate(queryClient, row.state);
  return true;
}

/**
 * Saves the cache a second after each change to it, while this person is signed in; also once
 * when it starts (it loads after the page, whose queries may all have settled by then) and at once
 * when the page is being left with a save still waiting.
 */
export function persistCache(queryClient: QueryClient, userId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const save = async () => {
    timer = undefined;
    const state = dehydrate(queryClient, { shouldDehydrateQuery: worthKeeping });
    if (stopped) return;
    // One transaction for the read and the write, so two tabs saving at once cannot drop each
    // other's pages.
    const tx = (await offlineDb()).transaction('cache', 'readwrite');
    const saved = await tx.store.get(userId);
    await tx.store.put({ userId, savedAt: Date.now(), state: mergeSavedCache(saved?.state, state) });
    await tx.done;
  };
  const saveSoon = () => {
    timer ??= setTimeout(() => void save().catch(() => undefined), SAVE_DELAY_MS);
  };
  // A navigation inside the delay would lose the page's last changes: write them as it goes
  // (IndexedDB finishes a write already started while the page unloads).
  const saveNow = () => {
    if (!timer) return;
    clearTimeout(timer);
    void save().catch(() => undefined);
  };
  saveSoon();
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' && event.type !== 'removed') return;
    // A board's pages arriving (a 10,000-task board: a hundred, over seconds) would each re-save
    // the whole cache without it; the update that ends the fetch schedules the save.
    if (event.type === 'updated' && event.query.state.fetchStatus === 'fetching') return;
    saveSoon();
  });
  const hasWindow = typeof window !== 'undefined';
  if (hasWindow) window.addEventListener('pagehide', saveNow);
  return () => {
    stopped = true;
    unsubscribe();
    if (hasWindow) window.removeEventListener('pagehide', saveNow);
    if (timer) clearTimeout(timer);
  };
}
