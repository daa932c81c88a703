'use client';

import type { Comment } from '@teamflow/contracts/comments';
import type { Task, TaskStatus } from '@teamflow/contracts/tasks';
import { onlineManager, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { endSession, refreshAccessToken } from '@/lib/api-client';
import { isTransient } from '@/lib/api-error';
import { queryKeys } from '@/lib/query-keys';
import { useSession } from '@/modules/auth/hooks/use-session';
import {
  refreshPending,
  replayQueue,
  resolveConflict,
  type ReplayHandlers,
} from '@/modules/offline/offline-queue';
import { currentPending, subscribePending } from '@/modules/offline/pending-store';
import { REPLAY_OFFLINE_QUEUE } from '@/modules/offline/service-worker-protocol';
import { persistCache } from '@/modules/offline/persisted-cache';
import type { QueuedWrite } from '@/modules/offline/queued-write';
import { setSyncRunner } from '@/modules/offline/sync-now';
import {
  addTask,
  applyOptimistic,
  applyTaskChange,
  findCachedTask,
  removeTask,
} from '@/modules/task-cache/task-cache';
import { showPostedComment } from '@/modules/tasks/comment-cache';
import { useOpenConflict } from '@/modules/tasks/hooks/use-open-conflict';
import { STATUS_LABEL } from '@/modules/tasks/task-status';
import { showToast } from '@/modules/ui/toast';

type TaskConflict = Parameters<ReturnType<typeof useOpenConflict>>[0];

/** While changes wait and the network is up, try again this often (doubling after each failure). */
const RETRY_MS = 5_000;
const RETRY_MAX_MS = 60_000;

/** What the queued change would set, as the conflict dialog shows it. */
function mineAsText(write: QueuedWrite): TaskConflict['mine'] {
  const text: TaskConflict['mine'] = {};
  const body = write.body;
  if (write.kind === 'move-task') {
    text.status = STATUS_LABEL[body.status as TaskStatus];
    text.place = 'where you dropped it';
    return text;
  }
  for (const field of ['title', 'description', 'priority', 'storyPoints', 'dueDate'] as const)
    if (field in body) {
      const value = body[field];
      text[field] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    }
  if ('status' in body) text.status = STATUS_LABEL[body.status as TaskStatus];
  return text;
}

/** The changed fields of a queued task write, to show on top of another copy of the task. */
function changesOf(write: QueuedWrite): Partial<Task> {
  // The queue stores bodies the api accepted as TaskUpdate/TaskMove: their fields are Task fields.
  const { version: _madeOn, afterId: _after, beforeId: _before, ...fields } = write.body;
  return fields;
}

/**
 * Shows the queued changes on the cache again: after a reload the saved cache may predate the
 * last of them (it is saved a second after each change), the queue never does.
 */
function showQueuedLocally(queryClient: QueryClient, writes: readonly QueuedWrite[]): void {
  for (const write of writes) {
    if (write.kind === 'create-task') {
      if (write.preview) addTask(queryClient, write.preview);
    } else if (write.kind !== 'add-comment') {
      const cached = findCachedTask(queryClient, write.taskId);
      if (cached) applyOptimistic(queryClient, [{ ...cached, ...changesOf(write) }]);
    }
  }
}

function replayHandlers(
  queryClient: QueryClient,
  openConflict: (conflict: TaskConflict) => void,
  replay: () => void,
): ReplayHandlers {
  return {
    applied(write, saved) {
      if (write.kind === 'add-comment') {
        showPostedComment(queryClient, saved as Comment);
        void queryClient.invalidateQueries({ queryKey: queryKeys.taskComments((saved as Comment).taskId) });
        return;
      }
      const task = saved as Task;
      if (write.kind === 'create-task' && task.id !== write.taskId) {
        removeTask(queryClient, { id: write.taskId, projectId: write.projectId });
        addTask(queryClient, task);
        return;
      }
      applyTaskChange(queryClient, task, { source: 'server' });
    },
    conflict(write, current) {
      openConflict({
        theirs: current,
        mine: mineAsText(write),
        applyMine: (latest) => {
          applyOptimistic(queryClient, [{ ...latest, ...changesOf(write) }]);
          void resolveConflict(write, { keep: 'mine', current: latest }).then(replay);
        },
        keepTheirs: (latest) => {
          applyTaskChange(queryClient, latest, { source: 'server' });
          void resolveConflict(write, { keep: 'theirs' }).then(replay);
        },
      });
    },
    dropped(write, error) {
      const gone = error.status === 404;
      showToast({
        tone: 'error',
        title: `${write.label}: not saved`,
        description: gone
          ? 'The task no longer exists, or you no longer have access to it.'
          : error.status === 403
            ? 'You no longer have permission to make this change.'
            : error.message,
      });
      // What the change showed locally goes: the api's copy comes back.
      if (write.projectId)
        void queryClient.invalidateQueries({ queryKey: queryKeys.boardTasks(write.projectId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.task(write.taskId) });
    },
  };
}

/**
 * The offline queue of the signed-in person, run from the shell (loaded after the page, see
 * `offline-sync-loader.tsx`): their cache is saved to
 * IndexedDB as it changes, and queued writes replay when the network comes back (the `online`
 * event, a retry timer, the service worker's Background Sync, "Sync now"). A replay starts with a
 * silent refresh: a session that ended offline asks to sign in again and keeps the queue.
 */
export function OfflineSync() {
  const session = useSession();
  const queryClient = useQueryClient();
  const openConflict = useOpenConflict();
  const userId = session.status === 'signed-in' ? session.user.id : undefined;

  useEffect(() => {
    if (!userId) return;
    const stopPersisting = persistCache(queryClient, userId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MS;
    let running = false;

    const replay = async () => {
      if (running || !onlineManager.isOnline()) return;
      running = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      try {
        await refreshPending(userId);
        // Nothing queued, nothing to do: a refresh here would rotate the session cookie on every
        // page load and every 'online' event, racing a navigation into the api's reuse detection.
        if (currentPending().length === 0) return;
        const refreshed = await refreshAccessToken().catch((error: unknown) => {
          if (isTransient(error)) return undefined;
          throw error;
        });
        if (refreshed === false) return endSession();
        if (refreshed === undefined) return schedule();
        const stop = await replayQueue(
          userId,
          replayHandlers(queryClient, openConflict, () => void replay()),
        );
        if (stop === 'signed-out') return endSession();
        if (stop === 'offline') return schedule();
        delay = RETRY_MS;
      } finally {
        running = false;
      }
    };
    const schedule = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void replay();
      }, delay);
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    };
    const run = () => void replay();

    setSyncRunner(run);
    void refreshPending(userId).then(() => {
      const waiting = currentPending();
      if (waiting.length > 0) showQueuedLocally(queryClient, waiting);
      run();
    });
    const unsubscribeOnline = onlineManager.subscribe((online) => {
      if (online) run();
    });
    // A write queued while the network is up (its send failed) is retried on the timer too.
    const unsubscribePending = subscribePending((writes) => {
      if (writes.length > 0 && !timer && !running && onlineManager.isOnline()) schedule();
    });
    // Background Sync: the service worker wakes the page when the browser sees a network.
    const onWorkerMessage = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type === REPLAY_OFFLINE_QUEUE) run();
    };
    navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
    return () => {
      setSyncRunner(undefined);
      stopPersisting();
      unsubscribeOnline();
      unsubscribePending();
      navigator.serviceWorker?.removeEventListener('message', onWorkerMessage);
      if (timer) clearTimeout(timer);
    };
  }, [userId, queryClient, openConflict]);

  return null;
}
