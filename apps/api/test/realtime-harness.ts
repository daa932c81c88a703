import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import type { Env } from '@teamflow/config/env';
import type { PresenceEvent, ServerEvent } from '@teamflow/contracts/events';
import { createOutboxRelay, type OutboxRelay } from '@teamflow/core/events/outbox-relay';
import { attachRealtime, type Realtime } from '../src/realtime/attach-realtime';
import { startApi, type TestApi } from './harness';

export interface LiveApi extends TestApi {
  url: string;
  server: Server;
  realtime: Realtime;
  relay: OutboxRelay;
}

/** A listening api with Socket.io and its own outbox relay (like server.ts), on this run's database and prefix. */
export async function startLiveApi(
  overrides: Partial<Record<keyof Env, string>> = {},
  options: { relay?: boolean; idleMs?: number } = {},
): Promise<LiveApi> {
  const api = await startApi(overrides);
  const server = createServer(api.app);
  const realtime = await attachRealtime(server, api.deps);
  const relay = createOutboxRelay(api.deps, { idleMs: options.idleMs ?? 50, listen: true });
  if (options.relay !== false) {
    relay.start();
    await relay.listening();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...api,
    url: `http://127.0.0.1:${port}`,
    server,
    realtime,
    relay,
    async close() {
      await relay.stop();
      await realtime.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
    },
  };
}

export interface Client {
  socket: Socket;
  /** Stream events (with seq), in arrival order. */
  events: ServerEvent[];
  presence: PresenceEvent[];
  join(rooms: string[]): Promise<{
    joined: string[];
    denied: string[];
    online: Record<string, string[]>;
    seq: Record<string, number>;
  }>;
}

/** A socket.io-client that records every event it receives. */
export async function connectClient(url: string, token: string): Promise<Client> {
  const socket = connect(url, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  const events: ServerEvent[] = [];
  const presence: PresenceEvent[] = [];
  socket.onAny((name: string, event: ServerEvent & PresenceEvent) => {
    if (name === 'USER_ONLINE' || name === 'USER_OFFLINE') presence.push(event);
    else events.push(event);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    presence,
    join: (rooms) => socket.timeout(5000).emitWithAck('join', rooms),
  };
}

/** Polls until `ok()` holds, for at most `timeoutMs`. */
export async function until(
  what: string,
  ok: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

// A suite running its own relay needs its own database and Redis prefix (see isolated-store.ts).
export { isolatedStore } from '@teamflow/core/testing/isolated-store';
