import { useRealtimeStore } from './stores/realtime-store';

/** Rings a task or comment for a moment: someone else just changed it. */
export function highlight(id: string): void {
  useRealtimeStore.getState().highlight(id);
}

/** True for a moment after someone else changed this task or comment. */
export const useHighlighted = (id: string): boolean => useRealtimeStore((s) => s.highlighted[id] === true);
