import type { QueuedWrite } from './queued-write';

// What the banner and badges show: the queue as last read. Its own small file, so the first load
// of a page carries this and not the queue's IndexedDB code (offline-queue.ts loads on demand).

type Listener = (writes: readonly QueuedWrite[]) => void;
const listeners = new Set<Listener>();
let snapshot: readonly QueuedWrite[] = [];

/** The queued writes as last read: updated on every change to the queue. */
export function subscribePending(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const currentPending = (): readonly QueuedWrite[] => snapshot;

/** Called by the queue after it changed. */
export function setPending(writes: readonly QueuedWrite[]): void {
  snapshot = writes;
  listeners.forEach((listener) => listener(snapshot));
}
