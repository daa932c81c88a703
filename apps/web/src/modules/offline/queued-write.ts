import type { Task } from '@teamflow/contracts/tasks';

/**
 * A write made while the api could not be reached, kept in IndexedDB until it is replayed.
 * `body.version` is the version the change was made against (moves and edits); `idempotencyKey`
 * is chosen once, when the change is made, so every replay of it is the same request to the api.
 */
export interface QueuedWrite {
  /** IndexedDB's auto-increment key: the order the changes were made in. */
  seq?: number;
  userId: string;
  kind: 'create-task' | 'update-task' | 'move-task' | 'add-comment';
  method: 'POST' | 'PATCH';
  path: string;
  body: Record<string, unknown>;
  /** The task changed (a created task's temporary id until the api numbers it). */
  taskId: string;
  projectId: string;
  /** Shown in messages: "Move PLAT-12", "Create PLAT-?". */
  label: string;
  idempotencyKey: string;
  /** A create's temporary task (`PLAT-?`), shown until the api numbers it, also after a reload. */
  preview?: Task;
  /** `conflict`: the api answered 409; the queue waits here until the person settles it. */
  state: 'queued' | 'conflict';
  /** Failed sends that may succeed later (network, 5xx): after MAX_ATTEMPTS the change is dropped. */
  attempts: number;
  createdAt: number;
}
