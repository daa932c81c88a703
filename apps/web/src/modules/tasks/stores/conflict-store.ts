import type { Task } from '@teamflow/contracts/tasks';
import { create } from 'zustand';

/** A stale write the user must settle: the server's task against the change they tried to make. */
export interface TaskConflict {
  theirs: Task;
  /** The fields the user tried to set, as display-ready text. */
  mine: Partial<Record<ConflictField, string>>;
  applyMine: (current: Task) => void;
  keepTheirs: (current: Task) => void;
}

export type ConflictField =
  'title' | 'description' | 'status' | 'priority' | 'storyPoints' | 'dueDate' | 'place';

interface ConflictState {
  conflict: TaskConflict | null;
  open: (conflict: TaskConflict) => void;
  close: () => void;
}

export const useConflictStore = create<ConflictState>((set) => ({
  conflict: null,
  open: (conflict) => set({ conflict }),
  close: () => set({ conflict: null }),
}));
