import type { Server } from 'socket.io';
import type { PresenceEvent } from '@teamflow/contracts/events';
import type { ApiDeps } from '../deps';
import type { AppSocket } from './socket-auth';

// Each socket in a workspace room is an entry `{userId}:{socketId}` scored by when it lapses;
// instances refresh their own entries, so a crashed instance's entries lapse and are swept.
const TTL_MS = 90_000;
const HEARTBEAT_MS = 30_000;
// One hash tag for every presence key: the MULTIs below touch several of them at once, which a
// Redis Cluster allows only within one slot.
const key = (workspaceId: string) => `{presence}:${workspaceId}`;
const WORKSPACES_KEY = '{presence}:workspaces';
// Names for announcing users whose entries lapsed (their instance is gone).
const NAMES_KEY = '{presence}:names';

export interface Presence {
  joined(socket: AppSocket, workspaceId: string): Promise<void>;
  left(socket: AppSocket, workspaceId: string): Promise<void>;
  online(workspaceId: string): Promise<string[]>;
  /** Stops the heartbeat and waits for the joins and leaves under way (and what they announce). */
  stop(): Promise<void>;
}

const usersOf = (entries: string[]): Set<string> => new Set(entries.map((e) => e.split(':')[0]!));

/**
 * USER_ONLINE / USER_OFFLINE per workspace, kept in Redis so it is right across instances: a
 * user is online while any of their sockets, on any instance, is in the workspace's room. The
 * check and the change run in one MULTI, so of two sockets racing exactly one announces.
 */
export function createPresence(deps: ApiDeps, io: Server): Presence {
  const redis = deps.redis;

  function announce(type: PresenceEvent['type'], workspaceId: string, user: { id: string; name: string }) {
    const event: PresenceEvent = {
      type,
      workspaceId,
      entityId: user.id,
      data: { userId: user.id },
      actor: user,
      at: new Date().toISOString(),
      seq: 0,
    };
    // Through the adapter: every instance's sockets in the room.
    io.to(`workspace:${workspaceId}`).emit(type, event);
  }

  async function liveEntries(workspaceId: string): Promise<string[]> {
    return redis.zrangebyscore(key(workspaceId), Date.now(), '+inf');
  }

  // Under way, so a shutdown waits for the leaves its own disconnects started.
  const running = new Set<Promise<void>>();

  // Best effort: presence never breaks a join or a disconnect.
  function safely(what: string, fn: () => Promise<void>): Promise<void> {
    const done = fn()
      .catch((error: Error) => {
        deps.logger.warn(`presence ${what} failed`, { error: error.message });
      })
      .finally(() => running.delete(done));
    running.add(done);
    return done;
  }

  async function removeEntry(workspaceId: string, entry: string): Promise<void> {
    const userId = entry.split(':')[0]!;
    const result = await redis
      .multi()
      .zrem(key(workspaceId), entry)
      .zrangebyscore(key(workspaceId), Date.now(), '+inf')
      .hget(NAMES_KEY, userId)
      .exec();
    const removed = result?.[0]?.[1] === 1;
    const live = (result?.[1]?.[1] as string[] | undefined) ?? [];
    const name = (result?.[2]?.[1] as string | null | undefined) ?? '';
    if (removed && !usersOf(live).has(userId)) announce('USER_OFFLINE', workspaceId, { id: userId, name });
  }

  async function heartbeat(): Promise<void> {
    const expiry = Date.now() + TTL_MS;
    const batch = redis.multi();
    for (const socket of io.sockets.sockets.values() as IterableIterator<AppSocket>) {
      for (const workspaceId of new Set(socket.data.rooms?.values() ?? []))
        batch.zadd(key(workspaceId), 'XX', expiry, `${socket.data.userId}:${socket.id}`);
    }
    await batch.exec();
  }

  // Entries of a crashed instance lapse; whoever removes one announces the user offline.
  async function sweep(): Promise<void> {
    for (const workspaceId of await redis.smembers(WORKSPACES_KEY)) {
      for (const entry of await redis.zrangebyscore(key(workspaceId), '-inf', Date.now()))
        await removeEntry(workspaceId, entry);
    }
  }

  const timer = setInterval(() => {
    void safely('heartbeat', heartbeat);
    void safely('sweep', sweep);
  }, HEARTBEAT_MS);
  timer.unref();

  return {
    joined: (socket, workspaceId) =>
      safely('join', async () => {
        const result = await redis
          .multi()
          .sadd(WORKSPACES_KEY, workspaceId)
          .hset(NAMES_KEY, socket.data.userId, socket.data.userName)
          .zadd(key(workspaceId), Date.now() + TTL_MS, `${socket.data.userId}:${socket.id}`)
          .zrangebyscore(key(workspaceId), Date.now(), '+inf')
          .exec();
        const live = (result?.[3]?.[1] as string[] | undefined) ?? [];
        const mine = live.filter((e) => e.startsWith(`${socket.data.userId}:`));
        if (mine.length === 1)
          announce('USER_ONLINE', workspaceId, { id: socket.data.userId, name: socket.data.userName });
      }),
    left: (socket, workspaceId) =>
      safely('leave', () => removeEntry(workspaceId, `${socket.data.userId}:${socket.id}`)),
    online: async (workspaceId) => [...usersOf(await liveEntries(workspaceId))],
    async stop() {
      clearInterval(timer);
      await Promise.all(running);
    },
  };
}
