import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DehydratedState } from '@tanstack/react-query';
import type { User } from '@teamflow/contracts/users';
import type { QueuedWrite } from './queued-write';

// The one IndexedDB database of the web app. It holds what a signed-in person needs without a
// network: their queued writes, their last-seen query cache and who they are. Never a token: the
// access token lives in memory only (lib/api-client.ts), the refresh token in an HttpOnly cookie.

interface OfflineSchema extends DBSchema {
  /** Writes made offline, replayed in `seq` order. */
  queue: { key: number; value: QueuedWrite; indexes: { byUser: string } };
  /** A person's dehydrated TanStack Query cache (one row per user). */
  cache: { key: string; value: { userId: string; savedAt: number; state: DehydratedState } };
  /** Who was signed in last (no secret): lets a reload without a network open their cache. */
  session: { key: 'last-user'; value: User };
}

export type OfflineDb = IDBPDatabase<OfflineSchema>;

const DB_NAME = 'teamflow-offline';
let opening: Promise<OfflineDb> | undefined;

export function offlineDb(): Promise<OfflineDb> {
  opening ??= openDB<OfflineSchema>(DB_NAME, 1, {
    upgrade(db) {
      const queue = db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      queue.createIndex('byUser', 'userId');
      db.createObjectStore('cache', { keyPath: 'userId' });
      db.createObjectStore('session');
    },
  });
  return opening;
}

/** Closes the connection (tests delete the database between cases). */
export async function closeOfflineDb(): Promise<void> {
  const db = await opening;
  opening = undefined;
  db?.close();
}

/** The person signed in last, for a reload without a network. */
export async function rememberUser(user: User): Promise<void> {
  await (await offlineDb()).put('session', user, 'last-user');
}

export async function lastUser(): Promise<User | undefined> {
  return (await offlineDb()).get('session', 'last-user');
}

/** Sign-out: this person's queue, cache and name leave the device. */
export async function wipeOfflineData(userId: string): Promise<void> {
  const db = await offlineDb();
  const tx = db.transaction(['queue', 'cache', 'session'], 'readwrite');
  const seqs = await tx.objectStore('queue').index('byUser').getAllKeys(userId);
  await Promise.all(seqs.map((seq) => tx.objectStore('queue').delete(seq)));
  await tx.objectStore('cache').delete(userId);
  const last = await tx.objectStore('session').get('last-user');
  if (last?.id === userId) await tx.objectStore('session').delete('last-user');
  await tx.done;
}
