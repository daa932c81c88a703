import './fake-indexeddb';
import type { Task } from '@teamflow/contracts/tasks';
import { queryKeys } from '@/lib/query-keys';
import { closeOfflineDb, wipeOfflineData } from '@/modules/offline/offline-db';
import { persistCache, restoreCache } from '@/modules/offline/persisted-cache';
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

it('forgets the saved cache on sign-out', async () => {
  const client = aQueryClient();
  const stop = persistCache(client, ME.id);
  client.setQueryData(queryKeys.boardTasks(PROJECT), [aTask()]);
  await saved();
  stop();
  await wipeOfflineData(ME.id);
  expect(await restoreCache(aQueryClient(), ME.id)).toBe(false);
});
