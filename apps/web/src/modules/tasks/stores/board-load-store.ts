import { create } from 'zustand';

interface BoardLoad {
  loaded: number;
  complete: boolean;
}

interface BoardLoadState {
  byProject: Record<string, BoardLoad>;
  started: (projectId: string) => void;
  progressed: (projectId: string, loaded: number, complete: boolean) => void;
}

/** How far the board's task pages have streamed in, per project (the query cache holds the tasks). */
export const useBoardLoadStore = create<BoardLoadState>((set) => ({
  byProject: {},
  started: (projectId) =>
    set((s) => {
      // A refetch keeps a complete board's state: its old list stays on screen until the new one is in.
      if (s.byProject[projectId]?.complete) return s;
      return { byProject: { ...s.byProject, [projectId]: { loaded: 0, complete: false } } };
    }),
  progressed: (projectId, loaded, complete) =>
    set((s) => {
      const current = s.byProject[projectId];
      if (current?.complete && !complete) return s;
      return { byProject: { ...s.byProject, [projectId]: { loaded, complete } } };
    }),
}));
