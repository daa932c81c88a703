import type { Server } from 'socket.io';
import type { RoomViewersEvent } from '@teamflow/contracts/events';
import type { ApiDeps } from '../deps';
import type { AppSocket } from './socket-auth';

// Joins come in bursts (a page opening, a reconnect wave): one recount per room per window.
const COALESCE_MS = 150;

export interface RoomViewers {
  /** The room (of that workspace) changed on this instance: recount (soon) and tell the room. */
  changed(room: string, workspaceId: string): void;
  stop(): void;
}

/** Only project and task rooms have viewers; workspace presence is USER_ONLINE/OFFLINE. */
export const hasViewers = (room: string): boolean => room.startsWith('project:') || room.startsWith('task:');

/**
 * "Who is viewing this project / task": the users with a socket in the room on any instance
 * (fetchSockets goes through the adapter), sent to the room as ROOM_VIEWERS.
 */
export function createRoomViewers(deps: ApiDeps, io: Server): RoomViewers {
  const pending = new Map<string, NodeJS.Timeout>();
  // After stop (shutdown) the adapter's Redis clients are closing: no more recounts.
  let stopped = false;

  async function recount(room: string, workspaceId: string): Promise<void> {
    pending.delete(room);
    if (stopped) return;
    try {
      const sockets = await io.in(room).fetchSockets();
      const userIds = [...new Set(sockets.map((s) => (s.data as AppSocket['data']).userId))];
      const event: RoomViewersEvent = {
        type: 'ROOM_VIEWERS',
        workspaceId,
        entityId: room.slice(room.indexOf(':') + 1),
        data: { room, userIds },
        actor: null,
        at: new Date().toISOString(),
        seq: 0,
      };
      io.to(room).emit('ROOM_VIEWERS', event);
    } catch (error) {
      // Best effort, like presence: an instance that does not answer in time leaves it stale until the next change.
      deps.logger.debug('room viewers recount failed', { room, error: (error as Error).message });
    }
  }

  return {
    changed(room, workspaceId) {
      if (stopped || !hasViewers(room) || pending.has(room)) return;
      const timer = setTimeout(() => void recount(room, workspaceId), COALESCE_MS);
      timer.unref();
      pending.set(room, timer);
    },
    stop() {
      stopped = true;
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    },
  };
}
