import type { Server } from 'socket.io';
import { readStream, streamTail, type StreamedEvent } from '@teamflow/core/events/event-stream';
import type { Redis } from '@teamflow/core/platform/redis';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import type { RoomViewers } from './room-viewers';
import { eventRooms } from './rooms';
import { rooms as roomNames } from '@teamflow/contracts/events';
import type { AppSocket } from './socket-auth';

/** Takes the removed member's sockets on THIS instance out of every room of that workspace. */
function dropMember(
  io: Server,
  presence: Presence,
  viewers: RoomViewers | undefined,
  workspaceId: string,
  userId: string,
): void {
  for (const id of io.sockets.adapter.rooms.get(roomNames.user(userId)) ?? []) {
    const socket = io.sockets.sockets.get(id) as AppSocket | undefined;
    if (!socket) continue;
    let wasIn = false;
    for (const [room, roomWorkspace] of socket.data.rooms) {
      if (roomWorkspace !== workspaceId) continue;
      void socket.leave(room);
      socket.data.rooms.delete(room);
      viewers?.changed(room);
      wasIn = true;
    }
    if (wasIn) void presence.left(socket, workspaceId);
  }
}

/** Emits one published event to this instance's sockets in its rooms, as its catalogue entry says. */
export function deliver(
  io: Server,
  presence: Presence,
  { event, projectId, taskId }: StreamedEvent,
  viewers?: RoomViewers,
): void {
  // Every instance reads the stream, so each emits only to its own sockets.
  io.local.to(eventRooms(event, projectId, taskId)).emit(event.type, event);
  if (event.type === 'MEMBER_REMOVED')
    dropMember(io, presence, viewers, event.workspaceId, event.data.userId);
}

/**
 * Follows the event stream from its current end and delivers every batch. Its own connection (a
 * blocking read holds it); after a Redis outage it resumes after the last entry it saw.
 */
export function followEvents(
  deps: ApiDeps,
  io: Server,
  presence: Presence,
  reader: Redis,
  viewers?: RoomViewers,
): { stop(): Promise<void> } {
  let running = true;
  const loop = (async () => {
    let lastId: string | undefined;
    let failing = false;
    while (running) {
      try {
        lastId ??= await streamTail(reader);
        const { lastId: next, batches } = await readStream(reader, lastId, 1000);
        lastId = next;
        for (const batch of batches) for (const item of batch) deliver(io, presence, item, viewers);
        if (failing) deps.logger.info('realtime event reader recovered');
        failing = false;
      } catch (error) {
        if (!running) break;
        if (!failing)
          deps.logger.warn('realtime event reader failed; retrying', { error: (error as Error).message });
        failing = true;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      reader.disconnect();
      await loop;
    },
  };
}
