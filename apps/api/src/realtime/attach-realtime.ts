import type { Server as HttpServer } from 'node:http';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { Server, type ServerOptions } from 'socket.io';
import { createRedis } from '@teamflow/core/platform/redis';
import { createRedisConnection } from '@teamflow/queue/connection';
import type { ApiDeps } from '../deps';
import { dropMember, followEvents } from './event-fanout';
import { handleJoin, handleLeave } from './join-handler';
import { createPresence } from './presence';
import { createRoomViewers } from './room-viewers';
import { rooms as roomNames } from '@teamflow/contracts/events';
import { expireWithToken, socketAuth, type AppSocket } from './socket-auth';

// Server-to-server (adapter) message: a member was removed; each instance drops its own sockets.
const MEMBER_REMOVED_SIGNAL = 'member-removed';

export interface Realtime {
  io: Server;
  close(): Promise<void>;
}

export function allowedOrigins(deps: ApiDeps): string[] {
  return [deps.env.WEB_ORIGIN, ...(deps.env.CORS_ORIGINS?.split(',').map((o) => o.trim()) ?? [])];
}

/**
 * Socket.io on the api's http server (path /socket.io): token handshake, room joins checked
 * against membership, the Redis adapter so rooms span instances, and the event stream fanned out
 * to this instance's sockets.
 */
async function redisAdapter(
  deps: ApiDeps,
): Promise<{ adapter: ServerOptions['adapter']; close(): Promise<void> }> {
  const clusterNodes = deps.env.REDIS_CLUSTER_NODES;
  // The adapter's clients wait out a Redis outage (queue, no error) rather than throw from deep inside it.
  const connect = (connectionName: string, shardedSubscribers = false) =>
    createRedisConnection(deps.env.REDIS_URL, {
      clusterNodes,
      connectionName,
      lazyConnect: true,
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      shardedSubscribers,
    });
  const pub = connect('api-io-pub');
  const sub = connect('api-io-sub', true);
  for (const client of [pub, sub]) {
    let warned = false;
    client.on('error', (error: Error) => {
      if (!warned) deps.logger.warn('socket.io redis adapter connection error', { error: error.message });
      warned = true;
    });
    client.on('ready', () => (warned = false));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  const channel = `${deps.env.REDIS_KEY_PREFIX}socket.io`;
  return {
    // On a cluster, plain PUBLISH goes to every node; sharded Pub/Sub (Redis 7) sends each room's
    // channel only to the shard that owns it, and follows it through a failover.
    adapter: clusterNodes
      ? createShardedAdapter(pub, sub, { channelPrefix: channel })
      : createAdapter(pub, sub, { key: channel }),
    async close() {
      // Other instances' requests (a viewer recount's fetchSockets) stop arriving first, and the
      // ones under way answer: an answer published after the QUIT below rejects inside the adapter,
      // where nothing catches it (an unhandled rejection at every shutdown racing a recount).
      sub.disconnect();
      await new Promise((resolve) => setImmediate(resolve));
      // QUIT first sends what is queued (a leave's USER_OFFLINE); a Redis that is away gets a second.
      const waited = new Promise((resolve) => setTimeout(resolve, 1000).unref());
      await Promise.race([pub.quit().catch(() => undefined), waited]);
      pub.disconnect();
    },
  };
}

export async function attachRealtime(server: HttpServer, deps: ApiDeps): Promise<Realtime> {
  const url = deps.env.REDIS_URL;
  // REALTIME_ADAPTER=memory: Socket.io's own in-memory adapter, right for ONE instance only (bench, dev).
  const rooms =
    deps.env.REALTIME_ADAPTER === 'redis'
      ? await redisAdapter(deps)
      : { adapter: undefined, close: async () => {} };
  const reader = createRedis(url, {
    keyPrefix: deps.env.REDIS_KEY_PREFIX,
    clusterNodes: deps.env.REDIS_CLUSTER_NODES,
    logger: deps.logger,
    name: 'api-events',
  });
  await reader.connect();

  const origins = allowedOrigins(deps);
  const io = new Server(server, {
    path: '/socket.io',
    serveClient: false,
    cors: { origin: origins, credentials: true },
    // Browsers always send Origin; one we do not serve is refused. Non-browser clients send none.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || origins.includes(origin));
    },
    ...(rooms.adapter ? { adapter: rooms.adapter } : {}),
    // Compression costs a zlib context per socket (hundreds of KB); events are small JSON.
    perMessageDeflate: false,
  });
  // The handshake request (headers, socket, parser state) is not needed after the upgrade; dropping
  // it is the documented way to cut per-connection memory.
  io.engine.on('connection', (rawSocket: { request: unknown }) => {
    rawSocket.request = null;
  });

  const presence = createPresence(deps, io);
  const viewers = createRoomViewers(deps, io);
  io.use((socket, next) => void socketAuth(deps)(socket as AppSocket, next));
  io.on('connection', (raw) => {
    const socket = raw as AppSocket;
    void socket.join(roomNames.user(socket.data.userId));
    expireWithToken(socket);
    socket.on('join', handleJoin(deps, socket, presence, viewers) as never);
    socket.on('leave', handleLeave(socket, presence, viewers) as never);
    socket.on('disconnect', () => {
      for (const workspaceId of new Set(socket.data.rooms.values())) void presence.left(socket, workspaceId);
      for (const [room, workspaceId] of socket.data.rooms) viewers.changed(room, workspaceId);
    });
  });

  const events = followEvents(deps, io, presence, reader, viewers);
  // Only this instance knows which of its sockets' rooms belong to a workspace, so each instance
  // drops its own; the others hear of it through the adapter (the in-memory one has no others).
  const multiInstance = deps.env.REALTIME_ADAPTER === 'redis';
  io.on(MEMBER_REMOVED_SIGNAL, (workspaceId: string, userId: string) =>
    dropMember(io, presence, viewers, workspaceId, userId),
  );
  deps.realtime = {
    // Through the adapter: the user's sockets on every instance.
    signedOut: (userId) => io.in(roomNames.user(userId)).disconnectSockets(true),
    // At once, when the removal commits: the MEMBER_REMOVED event does it again when the relay
    // publishes it, but until then presence and viewer counts would still reach their sockets.
    memberRemoved: (workspaceId, userId) => {
      dropMember(io, presence, viewers, workspaceId, userId);
      if (multiInstance) io.serverSideEmit(MEMBER_REMOVED_SIGNAL, workspaceId, userId);
    },
  };
  return {
    io,
    async close() {
      deps.realtime = undefined;
      viewers.stop();
      await events.stop();
      // This instance's sockets only: through the adapter it would drop every instance's clients.
      io.local.disconnectSockets(true);
      // io.close also closes the http server; the caller owns that, so only the engine closes.
      io.engine.close();
      // The disconnects above started leaves whose USER_OFFLINE goes out through the adapter:
      // they finish before its connections close.
      await presence.stop();
      await rooms.close();
    },
  };
}
