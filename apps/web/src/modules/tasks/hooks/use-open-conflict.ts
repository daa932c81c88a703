'use client';

import { useConflictStore, type TaskConflict } from '../stores/conflict-store';

/** Opens the conflict dialog (rendered by the page's `ConflictDialog`) for a stale write. */
export function useOpenConflict(): (conflict: TaskConflict) => void {
  return useConflictStore((s) => s.open);
}
