'use client';

import { useSyncExternalStore } from 'react';
import { currentPending, subscribePending } from '../pending-store';
import type { QueuedWrite } from '../queued-write';

const NONE: readonly QueuedWrite[] = [];

/** The signed-in person's writes still waiting for the api, oldest first. */
export function usePendingWrites(): readonly QueuedWrite[] {
  return useSyncExternalStore(subscribePending, currentPending, () => NONE);
}

/** Whether a change to this task is waiting in the offline queue (the card's "Pending" badge). */
export function useTaskPending(taskId: string): boolean {
  return usePendingWrites().some((write) => write.taskId === taskId);
}
