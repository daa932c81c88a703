import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { io as connect, type Socket } from 'socket.io-client';
import type { Env } from '@teamflow/config/env';
import { PresenceEvent, RoomViewersEvent, ServerEvent } from '@teamflow/contracts/events';
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
    // As server.ts: creates committed by this api wake its relay directly.
    api.deps.outboxRelay = relay;
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

/** A stream event as tests read it: any field of `data` may be looked at without narrowing. */
export type ReceivedEvent = Omit<ServerEvent, 'data'> & { data: Record<string, unknown> };

// Every event a test client receives must match its catalogue entry (contracts/events.ts): an
// event type without an entry, or data off its schema, fails the test that saw it. And each one
// carries exactly API.md's envelope, nothing more (a schema alone would let extra keys through).
const offCatalogue: unknown[] = [];
const ENVELOPE = ['actor', 'at', 'data', 'entityId', 'seq', 'type', 'version', 'workspaceId'];
const offEnvelope = (payload: unknown): string[] =>
  typeof payload === 'object' && payload !== null
    ? Object.keys(payload).filter((key) => !ENVELOPE.includes(key))
    : ['(not an object)'];
afterEach(() => {
  const seen = offCatalogue.splice(0);
  expect(seen).toEqual([]);
});

export interface Client {
  socket: Socket;
  /** Stream events (with seq), in arrival order; each has passed the catalogue's schema. */
  events: ReceivedEvent[];
  presence: PresenceEvent[];
  /** ROOM_VIEWERS messages: who is looking at a project or task room. */
  viewers: RoomViewersEvent[];
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
  const events: ReceivedEvent[] = [];
  const presence: PresenceEvent[] = [];
  const viewers: RoomViewersEvent[] = [];
  socket.onAny((name: string, payload: unknown) => {
    const schema =
      name === 'ROOM_VIEWERS'
        ? RoomViewersEvent
        : name === 'USER_ONLINE' || name === 'USER_OFFLINE'
          ? PresenceEvent
          : ServerEvent;
    const parsed = schema.safeParse(payload);
    const extra = offEnvelope(payload);
    if (!parsed.success || (parsed.data as { type: string }).type !== name || extra.length > 0) {
      offCatalogue.push({ name, payload, issues: parsed.error?.issues, extra });
      return;
    }
    if (schema === RoomViewersEvent) viewers.push(parsed.data as RoomViewersEvent);
    else if (schema === PresenceEvent) presence.push(parsed.data as PresenceEvent);
    else events.push(parsed.data as ReceivedEvent);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    presence,
    viewers,
    join: (rooms) => socket.timeout(5000).emitWithAck('join', rooms),
  };
}

/**
 * How many of a workspace's outbox rows its relay has not yet stamped published (seq and
 * published_at). A pass appends its batch to the event stream before its transaction commits that
 * stamp: a client can hold an event that readers of published rows (the XP consumer, a replay) do
 * not see yet. Wait for 0 before reading them.
 */
export async function unpublishedOutboxRows(
  api: Pick<TestApi, 'deps'>,
  workspaceId: string,
): Promise<number> {
  const { rows } = await api.deps.pool.query<{ n: number }>(
    'select count(*)::int as n from outbox where workspace_id = $1 and published_at is null',
    [workspaceId],
  );
  return rows[0]!.n;
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
