import { isAccessTokenDenied } from '@teamflow/core/auth/deny-list';
import type { ApiDeps } from '../deps';
import type { Presence } from './presence';
import { authorizeRoom, JoinRequest } from './rooms';
import type { AppSocket } from './socket-auth';

export interface JoinAck {
  joined: string[];
  denied: string[];
  /** For each workspace whose room was joined: the users online there now. */
  online: Record<string, string[]>;
}

/** `join` with room names; the ack lists what was joined and what was refused. */
export function handleJoin(deps: ApiDeps, socket: AppSocket, presence: Presence) {
  return async (rooms: unknown, ack?: (result: JoinAck) => void): Promise<void> => {
    const parsed = JoinRequest.safeParse(rooms);
    const requested = parsed.success ? parsed.data : [];
    const result: JoinAck = { joined: [], denied: parsed.success ? [] : ['(invalid request)'], online: {} };
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
        if (room.startsWith('workspace:'))
          result.online[access.workspaceId] = await presence.online(access.workspaceId);
      }
    } catch (error) {
      deps.logger.warn('socket join failed', { userId: socket.data.userId, error: (error as Error).message });
      const joined = new Set(result.joined);
      result.denied.push(...requested.filter((room) => !joined.has(room) && !result.denied.includes(room)));
    }
    if (typeof ack === 'function') ack(result);
  };
}
