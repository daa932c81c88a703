import { Comment } from '@teamflow/contracts/comments';
import { Task } from '@teamflow/contracts/tasks';
import { apiRequest } from '@/lib/api-client';
import { isApiError, type ApiError } from '@/lib/api-error';
import { offlineDb } from './offline-db';
import { setPending } from './pending-store';
import type { QueuedWrite } from './queued-write';

// The offline queue: writes made without a network, kept in IndexedDB in the order they were made
// and replayed in that order once the api answers again. What a replay does to the screen (the
// task cache, the conflict dialog, a toast) is the caller's, through `ReplayHandlers`.

/** A change that keeps failing for reasons that may pass (network, 5xx) is dropped after this. */
export const MAX_ATTEMPTS = 8;

export type ReplayStop = 'done' | 'offline' | 'conflict' | 'signed-out';

export interface ReplayHandlers {
  /** The api took the change: put its answer in the cache. */
  applied(write: QueuedWrite, saved: unknown): void;
  /** 409: the queue waits behind this change until `resolveConflict` is called. */
  conflict(write: QueuedWrite, current: Task): void;
  /** Refused for good (403, 404, 400, or too many failures): the change is gone; say so. */
  dropped(write: QueuedWrite, error: ApiError): void;
}

async function publish(userId: string): Promise<void> {
  setPending(await pendingWrites(userId));
}

/** A person's queued writes, oldest first. */
export async function pendingWrites(userId: string): Promise<QueuedWrite[]> {
  const writes = await (await offlineDb()).getAllFromIndex('queue', 'byUser', userId);
  return writes.sort((a, b) => a.seq! - b.seq!);
}

export async function enqueue(
  write: Omit<QueuedWrite, 'seq' | 'state' | 'attempts' | 'createdAt'>,
): Promise<QueuedWrite> {
  // Never a `seq` key, even undefined: IndexedDB then refuses to number the row.
  const { seq: _none, ...fields } = write as QueuedWrite;
  const entry: QueuedWrite = { ...fields, state: 'queued', attempts: 0, createdAt: Date.now() };
  const seq = await (await offlineDb()).add('queue', entry);
  await publish(write.userId);
  return { ...entry, seq };
}

/** After a change to a task was saved, the next queued ones for it were made on the copy it replaced. */
async function followSaved(userId: string, sent: QueuedWrite, saved: unknown): Promise<void> {
  const task = Task.safeParse(saved);
  if (!task.success) return;
  const db = await offlineDb();
  const sentVersion = sent.body.version;
  for (const later of await pendingWrites(userId)) {
    if (later.seq! <= sent.seq!) continue;
    let next = later;
    // A task created offline: later changes named its temporary id (path, afterId/beforeId).
    if (sent.kind === 'create-task' && sent.taskId !== task.data.id) {
      const renamed = JSON.stringify(later).replaceAll(sent.taskId, task.data.id);
      if (renamed !== JSON.stringify(later)) next = JSON.parse(renamed) as QueuedWrite;
    }
    // Our own earlier change moved the task on a version: carry the later ones along with it, so
    // the api does not see two of our edits as a conflict with someone else.
    if (next.taskId === task.data.id) {
      const madeOn = next.body.version;
      const onTheSameCopy = sent.kind === 'create-task' ? madeOn === 1 : madeOn === sentVersion;
      if (typeof madeOn === 'number' && onTheSameCopy)
        next = { ...next, body: { ...next.body, version: task.data.version } };
    }
    if (next !== later) await db.put('queue', next);
  }
}

const schemaOf = (write: QueuedWrite) => (write.kind === 'add-comment' ? Comment : Task);

let replaying: Promise<ReplayStop> | undefined;

/**
 * Sends the queued writes in order, each with its idempotency key, and stops at the first that
 * cannot go yet: no network (kept, tried again later), a conflict (kept, the dialog decides) or an
 * ended session (kept for when the person signs in again). One replay at a time.
 */
export function replayQueue(userId: string, handlers: ReplayHandlers): Promise<ReplayStop> {
  replaying ??= (async () => {
    try {
      const db = await offlineDb();
      for (;;) {
        const [write] = await pendingWrites(userId);
        if (!write) return 'done';
        if (write.state === 'conflict') return 'conflict';
        try {
          const saved = await apiRequest(write.method, write.path, {
            body: write.body,
            schema: schemaOf(write),
            idempotencyKey: write.idempotencyKey,
          });
          await db.delete('queue', write.seq!);
          await followSaved(userId, write, saved);
          handlers.applied(write, saved);
        } catch (error) {
          if (!isApiError(error)) throw error;
          const stop = await settleFailure(userId, write, error, handlers);
          if (stop) return stop;
        } finally {
          await publish(userId);
        }
      }
    } finally {
      replaying = undefined;
    }
  })();
  return replaying;
}

async function settleFailure(
  userId: string,
  write: QueuedWrite,
  error: ApiError,
  handlers: ReplayHandlers,
): Promise<ReplayStop | undefined> {
  const db = await offlineDb();
  if (error.status === 401) return 'signed-out';
  if (error.status === 409 && error.code === 'CONFLICT') {
    const current = Task.safeParse((error.details as { current?: unknown } | undefined)?.current);
    if (current.success) {
      await db.put('queue', { ...write, state: 'conflict' });
      handlers.conflict(write, current.data);
      return 'conflict';
    }
  }
  const mayPass = error.status === 0 || error.status >= 500 || error.code === 'IDEMPOTENCY_IN_PROGRESS';
  if (mayPass && write.attempts + 1 < MAX_ATTEMPTS) {
    await db.put('queue', { ...write, attempts: write.attempts + 1 });
    return 'offline';
  }
  await db.delete('queue', write.seq!);
  handlers.dropped(write, error);
  // Changes queued behind a dropped create named a task that will never exist.
  if (write.kind === 'create-task')
    for (const later of await pendingWrites(userId))
      if (later.taskId === write.taskId) {
        await db.delete('queue', later.seq!);
        handlers.dropped(later, error);
      }
  return undefined;
}

/**
 * The person settled a conflict. `mine`: the change goes again on the server's current version,
 * as a new request (a new idempotency key: the first one was refused). `theirs`: it is dropped.
 */
export async function resolveConflict(
  write: QueuedWrite,
  choice: { keep: 'mine'; current: Task } | { keep: 'theirs' },
): Promise<void> {
  const db = await offlineDb();
  if (choice.keep === 'theirs') await db.delete('queue', write.seq!);
  else
    await db.put('queue', {
      ...write,
      state: 'queued',
      body: { ...write.body, version: choice.current.version },
      idempotencyKey: crypto.randomUUID(),
    });
  await publish(write.userId);
}

/** Reads the queue into the snapshot the banner and badges show (a page load, a sign-in). */
export const refreshPending = (userId: string): Promise<void> => publish(userId);
