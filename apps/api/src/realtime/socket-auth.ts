import type { Socket } from 'socket.io';
import { isAccessTokenDenied } from '@teamflow/core/auth/deny-list';
import { verifyAccessToken } from '@teamflow/core/auth/tokens';
import type { ApiDeps } from '../deps';

export interface SocketData {
  userId: string;
  /** Learnt from the first room joined (membership carries it); used in presence events. */
  userName: string;
  /** Token expiry (seconds since the epoch): the socket is dropped then. */
  exp: number;
  jti: string;
  /** Rooms this socket joined on request, with the workspace each belongs to. */
  rooms: Map<string, string>;
}

export type AppSocket = Socket<
  Record<string, never>,
  Record<string, never>,
  Record<string, never>,
  SocketData
>;

/** The handshake's `auth.token` is checked like a bearer token: signature, expiry, deny-list. */
export function socketAuth(deps: ApiDeps) {
  return async (socket: AppSocket, next: (error?: Error) => void): Promise<void> => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    try {
      if (typeof token !== 'string' || token === '') throw new Error('no token');
      const claims = verifyAccessToken(token, deps.env.JWT_ACCESS_SECRET);
      if (await isAccessTokenDenied(deps.redis, claims.jti)) throw new Error('revoked');
      socket.data = { userId: claims.sub, userName: '', exp: claims.exp, jti: claims.jti, rooms: new Map() };
      next();
    } catch {
      // One message for every refusal: the client learns only that it must sign in again.
      next(new Error('UNAUTHORIZED'));
    }
  };
}

/** Drops the socket when its token expires; the client reconnects with a fresh one. */
export function expireWithToken(socket: AppSocket): void {
  const ms = Math.max(0, socket.data.exp * 1000 - Date.now());
  // setTimeout holds at most ~24.8 days; access tokens live minutes.
  const timer = setTimeout(() => socket.disconnect(true), Math.min(ms, 2 ** 31 - 1));
  timer.unref();
  socket.on('disconnect', () => clearTimeout(timer));
}
