import { onlineManager } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import type * as OfflineQueue from './offline-queue';
import { currentPending } from './pending-store';
import type { QueuedWrite } from './queued-write';
import { OFFLINE_QUEUE_SYNC_TAG } from './service-worker-protocol';

/** The answer of a write that went into the offline queue instead of to the api. */
export const QUEUED: unique symbol = Symbol('queued offline');
export type Queued = typeof QUEUED;

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/** Where the browser has Background Sync, it wakes the page when a network is back (sw.js). */
function requestBackgroundSync(): void {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as SyncRegistration).sync?.register(OFFLINE_QUEUE_SYNC_TAG))
    .catch(() => undefined);
}

type QueueModule = typeof OfflineQueue;
let queueModule: Promise<QueueModule> | undefined;

/** The queue's IndexedDB code: out of every page's first load, loaded once someone signs in. */
function loadQueue(): Promise<QueueModule> {
  queueModule ??= import('./offline-queue').catch((error: unknown) => {
    queueModule = undefined;
    throw error;
  });
  return queueModule;
}

/**
 * Whose queue new writes join: the signed-in person, from the moment the session is known
 * (`auth/hooks/use-session.ts`), whether or not the queue's runner has loaded yet; cleared when
 * the session ends and on sign-out.
 */
let owner: string | undefined;
export function setQueueOwner(userId: string | undefined): void {
  owner = userId;
  // Fetched now, while there is a network: on a first visit the service worker has not cached
  // the build yet, and a write made offline could not load the queue it has to join. If this
  // fetch fails, the first write that needs the queue tries again (and fails as a write would).
  if (userId) void loadQueue().catch(() => undefined);
}
export const queueOwner = (): string | undefined => owner;

export type QueueableWrite = Omit<
  QueuedWrite,
  'seq' | 'state' | 'attempts' | 'createdAt' | 'userId' | 'idempotencyKey'
>;

/**
 * A task write or a comment that may be made offline: sent now when the api is reachable and
 * nothing is queued before it, otherwise (or when the send fails for want of a network) queued
 * with the version it was made against, to be replayed in order. Both ways carry one idempotency
 * key, so a send whose answer was lost and its replay are applied once.
 */
export async function sendOrQueue<S extends z.ZodType>(
  write: QueueableWrite,
  schema: S,
): Promise<z.infer<S> | Queued> {
  const idempotencyKey = crypto.randomUUID();
  const userId = owner;
  if (!userId)
    return apiRequest(write.method, write.path, { body: write.body, schema, idempotencyKey }) as Promise<
      z.infer<S>
    >;
  const queue = async (): Promise<Queued> => {
    const { enqueue } = await loadQueue();
    await enqueue({ ...write, userId, idempotencyKey });
    requestBackgroundSync();
    return QUEUED;
  };
  // Behind changes still waiting, a new one waits too: the api must see them in the order made.
  if (!onlineManager.isOnline() || currentPending().length > 0) return queue();
  try {
    return (await apiRequest(write.method, write.path, {
      body: write.body,
      schema,
      idempotencyKey,
    })) as z.infer<S>;
  } catch (error) {
    if (isApiError(error, 0)) return queue();
    throw error;
  }
}
