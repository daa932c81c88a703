import { isAccessTokenDenied } from '@teamflow/core/auth/deny-list';
import { latestSeq } from '@teamflow/core/events/latest-seq';
import { rooms as roomNames } from '@teamflow/contracts/events';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import type { RoomViewers } from './room-viewers';
import { authorizeRoom, canonicalRoom, requestedRooms } from './rooms';
import type { AppSocket } from './socket-auth';

export interface JoinAck {
  joined: string[];
  denied: string[];
  /** For each workspace whose room was joined: the users online there now. */
  online: Record<string, string[]>;
  /**
   * For each workspace whose room was joined: the newest seq published there when it was joined.
   * A client that has seen no event yet catches up from it after a reconnect.
   */
  seq: Record<string, number>;
}

/** The acknowledgement callback, when the client asked for one: socket.io passes it last. */
function splitAck<T>(args: unknown[]): { rest: unknown[]; ack?: (result: T) => void } {
  const last = args.at(-1);
  return typeof last === 'function'
    ? { rest: args.slice(0, -1), ack: last as (result: T) => void }
    : { rest: args };
}

/** Joins one room the user may read; undefined when they may not (or the socket is gone). */
async function joinRoom(
  deps: ApiDeps,
  socket: AppSocket,
  presence: Presence,
  viewers: RoomViewers,
  name: string,
): Promise<{ room: string; workspaceId?: string } | undefined> {
  // Their own room was joined at the handshake.
  const own = roomNames.user(socket.data.userId);
  if (name.toLowerCase() === own) return { room: own };
  const access = await authorizeRoom(deps, socket.data.userId, name);
  if (!access || !socket.connected) return undefined;
  const { room, workspaceId } = access;
  const known = [...socket.data.rooms.values()].includes(workspaceId);
  socket.data.userName = access.userName;
  await socket.join(room);
  socket.data.rooms.set(room, workspaceId);
  if (!known) await presence.joined(socket, workspaceId);
  viewers.changed(room, workspaceId);
  return { room, workspaceId };
}

/**
 * `join` with room names; the ack lists what was joined and what was refused. A name that is not a
 * room this user may read is denied on its own; nothing in a request fails the others.
 */
export function handleJoin(deps: ApiDeps, socket: AppSocket, presence: Presence, viewers: RoomViewers) {
  return async (...args: unknown[]): Promise<void> => {
    const { rest, ack } = splitAck<JoinAck>(args);
    const result: JoinAck = { joined: [], denied: [], online: {}, seq: {} };
    const requested = requestedRooms(rest);
    const answered = new Set<string>();
    let next = 0;
    try {
      // A token revoked after the handshake (logout) joins nothing more.
      if (await isAccessTokenDenied(deps.redis, socket.data.jti)) {
        socket.disconnect(true);
        return;
      }
      for (; next < requested.length; next += 1) {
        const { name, valid } = requested[next]!;
        if (answered.has(name)) continue;
        answered.add(name);
        const joined = valid ? await joinRoom(deps, socket, presence, viewers, name) : undefined;
        if (!joined) {
          result.denied.push(name);
          continue;
        }
        if (!result.joined.includes(joined.room)) result.joined.push(joined.room);
        if (joined.workspaceId && joined.room.startsWith('workspace:')) {
          result.online[joined.workspaceId] = await presence.online(joined.workspaceId);
          result.seq[joined.workspaceId] = await latestSeq(deps, joined.workspaceId);
        }
      }
    } catch (error) {
      deps.logger.warn('socket join failed', { userId: socket.data.userId, error: (error as Error).message });
      // What was not joined yet is denied: the ack always answers.
      for (const { name } of requested.slice(next))
        if (!result.denied.includes(name) && !result.joined.includes(name)) result.denied.push(name);
    }
    ack?.(result);
  };
}

/** `leave` with room names (the page no longer shows them); presence follows the last room of a workspace. */
export function handleLeave(socket: AppSocket, presence: Presence, viewers: RoomViewers) {
  return async (...args: unknown[]): Promise<void> => {
    const { rest, ack } = splitAck<{ left: string[] }>(args);
    const left: string[] = [];
    for (const { name: requested } of requestedRooms(rest).filter((r) => r.valid)) {
      const room = canonicalRoom(requested)?.name;
      const workspaceId = room === undefined ? undefined : socket.data.rooms.get(room);
      if (room === undefined || workspaceId === undefined) continue;
      await socket.leave(room);
      socket.data.rooms.delete(room);
      left.push(room);
      viewers.changed(room, workspaceId);
      if (![...socket.data.rooms.values()].includes(workspaceId)) await presence.left(socket, workspaceId);
    }
    ack?.({ left });
  };
}
