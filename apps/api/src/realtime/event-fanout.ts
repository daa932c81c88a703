import type { Server } from 'socket.io';
import {
  EVENT_STREAM_KEY,
  readStream,
  streamTail,
  type StreamedEvent,
} from '@teamflow/core/events/event-stream';
import { newestPublishedId, publishedEventsAfter } from '@teamflow/core/events/published-events';
import { redisRunId, type Redis } from '@teamflow/core/platform/redis';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import type { RoomViewers } from './room-viewers';
import { eventRooms } from './rooms';
import { rooms as roomNames } from '@teamflow/contracts/events';
import type { AppSocket } from './socket-auth';

/** Takes the removed member's sockets on THIS instance out of every room of that workspace. */
export function dropMember(
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
      viewers?.changed(room, workspaceId);
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
 *
 * A Redis that comes back EMPTY (restarted without persistence) or is another server (a failover
 * that lost acknowledged writes) may have taken entries this reader had not read yet, and its new
 * stream's ids need not follow the old ones (another server's clock). So after any failure the
 * reader compares the server's run id: when it changed, it replays from PostgreSQL every event
 * published after the last outbox row it delivered (the relay stamps them before it commits) and
 * reads the new stream from its start, skipping what the replay delivered. Connected clients get
 * each event once and in seq order, as if Redis had never blinked.
 */
export function followEvents(
  deps: ApiDeps,
  io: Server,
  presence: Presence,
  reader: Redis,
  viewers?: RoomViewers,
): { stop(): Promise<void> } {
  let running = true;
  // The newest outbox row delivered (or published before this reader started).
  let lastOutboxId: number | undefined;
  // Rows a replay delivered, skipped when the new stream brings them too.
  let replayed = new Set<number>();
  const deliverItem = (item: StreamedEvent) => {
    if (item.id !== undefined) {
      if (replayed.has(item.id)) return;
      lastOutboxId = Math.max(lastOutboxId ?? 0, item.id);
    }
    deliver(io, presence, item, viewers);
  };

  async function replayLost(): Promise<number> {
    replayed = new Set();
    let after = lastOutboxId ?? 0;
    for (;;) {
      const page = await publishedEventsAfter(deps.db, after, 500);
      for (const item of page) {
        deliver(io, presence, item, viewers);
        replayed.add(item.id);
        after = item.id;
      }
      if (page.length < 500) break;
    }
    lastOutboxId = after;
    return replayed.size;
  }

  const loop = (async () => {
    let lastId: string | undefined;
    let runId: string | undefined;
    let failing = false;
    while (running) {
      try {
        if (runId === undefined || failing) {
          const now = await redisRunId(reader, EVENT_STREAM_KEY);
          if (runId !== undefined && now !== runId) {
            const count = await replayLost();
            deps.logger.warn('realtime: Redis is another server now; replayed events from PostgreSQL', {
              replayed: count,
            });
            lastId = '0-0';
          }
          runId = now;
        }
        if (lastId === undefined) {
          lastOutboxId ??= await newestPublishedId(deps.db);
          lastId = await streamTail(reader);
        }
        const { lastId: next, batches } = await readStream(reader, lastId, 1000);
        lastId = next;
        for (const batch of batches) for (const item of batch) deliverItem(item);
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
