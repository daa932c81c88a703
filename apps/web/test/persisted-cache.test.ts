import './fake-indexeddb';
import type { Task } from '@teamflow/contracts/tasks';
import { experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import { queryKeys } from '@/lib/query-keys';
import { closeOfflineDb, wipeOfflineData } from '@/modules/offline/offline-db';
import { mergeSavedCache, persistCache, restoreCache } from '@/modules/offline/persisted-cache';
import { aQueryClient, aTask, ALICE, ME, PROJECT } from './builders';

afterEach(async () => {
  await closeOfflineDb();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase('teamflow-offline');
    req.onsuccess = () => resolve();
    req.onerror = () => resolve();
  });
});

const saved = () => new Promise((resolve) => setTimeout(resolve, 1200));

it('gives a reload the board the person last saw, and nobody else', async () => {
  const online = aQueryClient();
  const board = [aTask({ title: 'Seen before the tunnel' })];
  online.setQueryData(queryKeys.boardTasks(PROJECT), board);
  online.setQueryData(queryKeys.session, { id: ME.id });
  const stop = persistCache(online, ME.id);
  online.setQueryData(queryKeys.workspaces, []);
  await saved();
  stop();

  const reloaded = aQueryClient();
  expect(await restoreCache(reloaded, ME.id)).toBe(true);
  expect(reloaded.getQueryData<Task[]>(queryKeys.boardTasks(PROJECT))).toEqual(board);
  // Who is signed in is never restored from the cache (the session restores itself).
  expect(reloaded.getQueryData(queryKeys.session)).toBeUndefined();

  expect(await restoreCache(aQueryClient(), ALICE.id)).toBe(false);
});

it('keeps the pages of earlier page loads: the list seen in one load and the inbox in the next', async () => {
  const firstLoad = aQueryClient();
  const list = [aTask({ title: 'Seen on the list' })];
  const stopFirst = persistCache(firstLoad, ME.id);
  firstLoad.setQueryData([...queryKeys.boardTasks(PROJECT), 'list', 'createdAt'], list);
  await saved();
  stopFirst();

  // A full page load starts with an empty cache and saves only what it fetched itself.
  const secondLoad = aQueryClient();
  const stopSecond = persistCache(secondLoad, ME.id);
  secondLoad.setQueryData(queryKeys.workspaces, [{ id: 'w1', name: 'Seen in the second load' }]);
  await saved();
  stopSecond();

  const offline = aQueryClient();
  expect(await restoreCache(offline, ME.id)).toBe(true);
  expect(offline.getQueryData([...queryKeys.boardTasks(PROJECT), 'list', 'createdAt'])).toEqual(list);
  expect(offline.getQueryData(queryKeys.workspaces)).toEqual([{ id: 'w1', name: 'Seen in the second load' }]);
});

it('a query the current page holds replaces the saved one, and saved queries older than two weeks are dropped', () => {
  const now = Date.UTC(2026, 11, 6);
  const day = 24 * 60 * 60 * 1000;
  const query = (hash: string, value: string, age: number) => ({
    queryHash: hash,
    queryKey: [hash],
    dehydratedAt: now,
    state: {
      data: value,
      dataUpdateCount: 1,
      dataUpdatedAt: now - age,
      error: null,
      errorUpdateCount: 0,
      errorUpdatedAt: 0,
      fetchFailureCount: 0,
      fetchFailureReason: null,
      fetchMeta: null,
      isInvalidated: false,
      status: 'success' as const,
      fetchStatus: 'idle' as const,
    },
  });
  const merged = mergeSavedCache(
    { mutations: [], queries: [query('board', 'old board', day), query('inbox', 'inbox', 20 * day)] },
    { mutations: [], queries: [query('board', 'new board', 0)] },
    now,
  );
  expect(merged.queries.map((q) => [q.queryHash, q.state.data])).toEqual([['board', 'new board']]);
});

it('saves what the page already holds when it starts, with no change after (it loads after the page)', async () => {
  const page = aQueryClient();
  const inbox = [{ id: 'n1', data: { actorName: 'Olive Owner' } }];
  page.setQueryData(queryKeys.notificationList('all'), inbox);
  const stop = persistCache(page, ME.id);
  await saved();
  stop();

  const offline = aQueryClient();
  expect(await restoreCache(offline, ME.id)).toBe(true);
  expect(offline.getQueryData(queryKeys.notificationList('all'))).toEqual(inbox);
});

it('writes a waiting save at once when the page is left', async () => {
  const page = aQueryClient();
  const stop = persistCache(page, ME.id);
  page.setQueryData(queryKeys.boardTasks(PROJECT), [aTask({ title: 'Seen just before leaving' })]);
  window.dispatchEvent(new Event('pagehide'));
  stop();
  await new Promise((resolve) => setTimeout(resolve, 50));

  const offline = aQueryClient();
  expect(await restoreCache(offline, ME.id)).toBe(true);
  expect(offline.getQueryData<Task[]>(queryKeys.boardTasks(PROJECT))?.[0]?.title).toBe(
    'Seen just before leaving',
  );
});

it('saves a streamed board only once its last page is in, never a part of it', async () => {
  const page = aQueryClient();
  const stop = persistCache(page, ME.id);
  const first = [aTask({ title: 'On the first page' })];
  const rest = [aTask({ title: 'On the last page' })];
  let lastPage: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (lastPage = resolve));
  const loading = page.fetchQuery({
    queryKey: queryKeys.boardTasks(PROJECT),
    queryFn: streamedQuery<Task[], Task[]>({
      streamFn: async function* () {
        yield first;
        await arrived;
        yield rest;
      },
      reducer: (tasks, chunk) => [...tasks, ...chunk],
      initialValue: [],
    }),
  });
  await saved();
  // The page shows the first page, but a reload offline now must not take it for the board.
  expect(page.getQueryData<Task[]>(queryKeys.boardTasks(PROJECT))).toEqual(first);
  const midway = aQueryClient();
  await restoreCache(midway, ME.id);
  expect(midway.getQueryData(queryKeys.boardTasks(PROJECT))).toBeUndefined();

  lastPage();
  await loading;
  await saved();
  stop();
  const offline = aQueryClient();
  expect(await restoreCache(offline, ME.id)).toBe(true);
  expect(offline.getQueryData<Task[]>(queryKeys.boardTasks(PROJECT))).toEqual([...first, ...rest]);
});

it('forgets the saved cache on sign-out', async () => {
  const client = aQueryClient();
  const stop = persistCache(client, ME.id);
  client.setQueryData(queryKeys.boardTasks(PROJECT), [aTask()]);
  await saved();
  stop();
  await wipeOfflineData(ME.id);
  expect(await restoreCache(aQueryClient(), ME.id)).toBe(false);
});
