import { create } from 'zustand';

/**
 * `connecting`: first connection under way. `reconnecting`: it was up and dropped; changes made
 * meanwhile are caught up once it is back.
 */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting';

const HIGHLIGHT_MS = 2500;

interface RealtimeState {
  status: RealtimeStatus;
  /** User ids online per workspace id. */
  online: Record<string, string[]>;
  /** User ids with the room open, per `project:{id}` / `task:{id}` room. */
  viewers: Record<string, string[]>;
  /** Ids of tasks and comments changed by someone else a moment ago (a short highlight). */
  highlighted: Record<string, true>;
  setStatus: (status: RealtimeStatus) => void;
  setOnline: (workspaceId: string, userIds: string[]) => void;
  userOnline: (workspaceId: string, userId: string, online: boolean) => void;
  setViewers: (room: string, userIds: string[]) => void;
  highlight: (id: string) => void;
  reset: () => void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const useRealtimeStore = create<RealtimeState>((set) => ({
  status: 'idle',
  online: {},
  viewers: {},
  highlighted: {},
  setStatus: (status) => set({ status }),
  setOnline: (workspaceId, userIds) => set((s) => ({ online: { ...s.online, [workspaceId]: userIds } })),
  userOnline: (workspaceId, userId, online) =>
    set((s) => {
      const others = (s.online[workspaceId] ?? []).filter((id) => id !== userId);
      return { online: { ...s.online, [workspaceId]: online ? [...others, userId] : others } };
    }),
  setViewers: (room, userIds) => set((s) => ({ viewers: { ...s.viewers, [room]: userIds } })),
  highlight: (id) => {
    clearTimeout(timers.get(id));
    set((s) => ({ highlighted: { ...s.highlighted, [id]: true } }));
    timers.set(
      id,
      setTimeout(() => {
        timers.delete(id);
        set((s) => {
          const { [id]: _gone, ...rest } = s.highlighted;
          return { highlighted: rest };
        });
      }, HIGHLIGHT_MS),
    );
  },
  reset: () => set({ status: 'idle', online: {}, viewers: {}, highlighted: {} }),
}));
