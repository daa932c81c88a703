import type { Server } from 'socket.io';
import { readStream, streamTail, type StreamedEvent } from '@teamflow/core/events/event-stream';
import type { Redis } from '@teamflow/core/platform/redis';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import type { RoomViewers } from './room-viewers';
import { roomsFor, userRoom } from './rooms';
import type { AppSocket } from './socket-auth';

/** Takes the removed member's sockets on THIS instance out of every room of that workspace. */
function dropMember(
  io: Server,
  presence: Presence,
  viewers: RoomViewers | undefined,
  workspaceId: string,
  userId: string,
): void {
  for (const id of io.sockets.adapter.rooms.get(userRoom(userId)) ?? []) {
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

/** Emits one published event to this instance's sockets in its rooms. */
export function deliver(
  io: Server,
  presence: Presence,
  { event, projectId, taskId }: StreamedEvent,
  viewers?: RoomViewers,
): void {
  // A notification is personal: only its recipient's room, never the workspace's.
  if (event.type === 'NOTIFICATION') {
    const recipient = (event.data as { userId?: unknown }).userId;
    if (typeof recipient === 'string') io.local.to(userRoom(recipient)).emit(event.type, event);
    return;
  }
  const rooms = roomsFor(event, projectId, taskId);
  const userId =
    event.type === 'MEMBER_REMOVED' || event.type === 'MEMBER_JOINED' ? event.entityId : undefined;
  if (userId) rooms.push(userRoom(userId));
  // Every instance reads the stream, so each emits only to its own sockets.
  io.local.to(rooms).emit(event.type, event);
  if (event.type === 'MEMBER_REMOVED' && userId) dropMember(io, presence, viewers, event.workspaceId, userId);
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
