import { isAccessTokenDenied } from '@teamflow/core/auth/deny-list';
import { latestSeq } from '@teamflow/core/events/latest-seq';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import type { RoomViewers } from './room-viewers';
import { authorizeRoom, JoinRequest } from './rooms';
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

/** `join` with room names; the ack lists what was joined and what was refused. */
export function handleJoin(deps: ApiDeps, socket: AppSocket, presence: Presence, viewers: RoomViewers) {
  return async (rooms: unknown, ack?: (result: JoinAck) => void): Promise<void> => {
    const parsed = JoinRequest.safeParse(rooms);
    const requested = parsed.success ? parsed.data : [];
    const result: JoinAck = {
      joined: [],
      denied: parsed.success ? [] : ['(invalid request)'],
      online: {},
      seq: {},
    };
    try {
      // A token revoked after the handshake (logout) joins nothing more.
      if (await isAccessTokenDenied(deps.redis, socket.data.jti)) {
        socket.disconnect(true);
        return;
      }
      for (const room of new Set(requested)) {
        const access = await authorizeRoom(deps, socket.data.userId, room);
        if (!access || !socket.connected) {
          result.denied.push(room);
          continue;
        }
        const known = [...socket.data.rooms.values()].includes(access.workspaceId);
        socket.data.userName = access.userName;
        await socket.join(room);
        socket.data.rooms.set(room, access.workspaceId);
        result.joined.push(room);
        if (!known) await presence.joined(socket, access.workspaceId);
        viewers.changed(room, access.workspaceId);
        if (room.startsWith('workspace:')) {
          result.online[access.workspaceId] = await presence.online(access.workspaceId);
          result.seq[access.workspaceId] = await latestSeq(deps, access.workspaceId);
        }
      }
    } catch (error) {
      deps.logger.warn('socket join failed', { userId: socket.data.userId, error: (error as Error).message });
      const joined = new Set(result.joined);
      result.denied.push(...requested.filter((room) => !joined.has(room) && !result.denied.includes(room)));
    }
    if (typeof ack === 'function') ack(result);
  };
}

/** `leave` with room names (the page no longer shows them); presence follows the last room of a workspace. */
export function handleLeave(socket: AppSocket, presence: Presence, viewers: RoomViewers) {
  return async (rooms: unknown, ack?: (result: { left: string[] }) => void): Promise<void> => {
    const parsed = JoinRequest.safeParse(rooms);
    const left: string[] = [];
    for (const room of new Set(parsed.success ? parsed.data : [])) {
      const workspaceId = socket.data.rooms.get(room);
      if (workspaceId === undefined) continue;
      await socket.leave(room);
      socket.data.rooms.delete(room);
      left.push(room);
      viewers.changed(room, workspaceId);
      if (![...socket.data.rooms.values()].includes(workspaceId)) await presence.left(socket, workspaceId);
    }
    if (typeof ack === 'function') ack({ left });
  };
}
