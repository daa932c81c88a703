import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';
import { ActivityPage } from '@teamflow/contracts/activity';
import { ServerEvent } from '@teamflow/contracts/events';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
import { startTopology, type Topology } from '../start-topology.cjs';

export const V1 = '/api/v1';

export interface SuiteTopology {
  topology: Topology;
  store: IsolatedStore;
  stop(): Promise<void>;
}

/**
 * The whole arrangement on a database and Redis prefix of this file's own (each api runs an
 * outbox relay and a job relay, which must not move rows of suites running beside it).
 */
export async function startSuiteTopology(
  tag: string,
  options: { replica?: boolean; redisCluster?: boolean; env?: Record<string, string> } = {},
): Promise<SuiteTopology> {
  const store = await isolatedStore(tag);
  try {
    const topology = await startTopology({
      databaseUrl: store.env.DATABASE_URL,
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      redisKeyPrefix: store.env.REDIS_KEY_PREFIX,
      replica: options.replica,
      redisCluster: options.redisCluster,
      env: {
        // Every request of a suite comes from 127.0.0.1: the limits would measure the suite.
        RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
        AI_PROVIDER: 'local',
        // The webhook receiver listens on loopback.
        WEBHOOKS_ALLOW_PRIVATE: 'true',
        ...options.env,
      },
    });
    return {
      topology,
      store,
      async stop() {
        await topology.stop();
        await store.drop();
      },
    };
  } catch (error) {
    await store.drop();
    throw error;
  }
}

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a test reads what it asserts
}

/** One request to `base` (nginx or an instance): JSON in, JSON out. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const res = await fetch(`${base}${V1}${path}`, {
    method,
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  // nginx answers its own errors (502, 504) in HTML: kept as text, so a test's message shows it.
  const json = res.headers.get('content-type')?.includes('json');
  return { status: res.status, body: text ? (json ? JSON.parse(text) : text) : undefined };
}

export interface Team {
  token: string;
  userId: string;
  workspaceId: string;
  projectId: string;
}

/** An owner, a workspace and a project, created through `base`. */
export async function createTeam(base: string): Promise<Team> {
  const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
  const registered = await call(base, 'POST', '/auth/register', {
    body: { email, name: 'Topology owner', password: 'correct-horse-1' },
  });
  if (registered.status !== 201)
    throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
  const token: string = registered.body.accessToken;
  const workspace = await call(base, 'POST', '/workspaces', { token, body: { name: 'Scaled team' } });
  if (workspace.status !== 201)
    throw new Error(`workspace: ${workspace.status} ${JSON.stringify(workspace.body)}`);
  const project = await call(base, 'POST', `/workspaces/${workspace.body.id}/projects`, {
    token,
    body: { name: 'Core', key: 'CORE' },
  });
  if (project.status !== 201) throw new Error(`project: ${project.status} ${JSON.stringify(project.body)}`);
  return {
    token,
    userId: registered.body.user.id,
    workspaceId: workspace.body.id,
    projectId: project.body.id,
  };
}

/**
 * A socket.io client as the web app runs it (event-sync/sync.ts): WebSocket transport only (no
 * sticky sessions behind nginx), `join` of the workspace room on every connect, and a catch-up
 * through `GET /workspaces/:id/activity?since=<last seq>` (through `catchUpBase`) after a
 * reconnect and after a live event whose seq skips some: live delivery may drop events while a
 * Redis primary fails over (its replica may not have the stream's last entries), the activity
 * table never does. `changes` maps each workspace seq seen, live or caught up, to the entity it
 * changed.
 */
export interface WatchingClient {
  socket: Socket;
  /** seq → entity id, from live events and catch-ups. */
  changes: Map<number, string>;
  /** Live stream events in arrival order. */
  live: ServerEvent[];
  /** How many times the socket lost its connection. */
  disconnects: number;
  /** Catch-up requests made after reconnects, and the failed ones. */
  catchUps: { made: number; failed: number };
  close(): void;
}

export async function watchWorkspace(
  url: string,
  team: Team,
  options: { reconnect?: boolean; catchUpBase?: string } = {},
): Promise<WatchingClient> {
  const socket = io(url, {
    path: '/socket.io',
    auth: { token: team.token },
    transports: ['websocket'],
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const client: WatchingClient = {
    socket,
    changes: new Map(),
    live: [],
    disconnects: 0,
    catchUps: { made: 0, failed: 0 },
    close: () => socket.close(),
  };
  const lastSeq = () => Math.max(0, ...client.changes.keys());
  // Where the stream broke: live events that arrive after the rejoin, before the catch-up request
  // leaves, must not move its `since` past what was missed.
  let resumeFrom = 0;
  const catchUp = async (since = resumeFrom) => {
    client.catchUps.made++;
    let cursor: string | null = null;
    do {
      const page = await call(
        options.catchUpBase ?? url,
        'GET',
        `/workspaces/${team.workspaceId}/activity?since=${since}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: team.token },
      );
      if (page.status !== 200) {
        client.catchUps.failed++;
        return;
      }
      const parsed = ActivityPage.parse(page.body);
      for (const item of parsed.items) if (item.seq !== null) client.changes.set(item.seq, item.entityId);
      cursor = parsed.nextCursor;
    } while (cursor);
  };
  socket.onAny((type: string, payload: unknown) => {
    const parsed = ServerEvent.safeParse(payload);
    if (!parsed.success || parsed.data.type !== type) return;
    client.live.push(parsed.data);
    const { seq } = parsed.data;
    if (!seq) return;
    const last = lastSeq();
    client.changes.set(seq, parsed.data.entityId);
    // A gap in the live stream: fetch what it skipped, as the web app does.
    if (last > 0 && seq > last + 1) void catchUp(last);
  });
  socket.on('disconnect', () => {
    client.disconnects++;
    resumeFrom = lastSeq();
  });
  // The first join's ack is the baseline: events after it arrive live. Every later connect
  // (another instance, through nginx) joins again and catches up on what it missed meanwhile.
  let connectedBefore = false;
  const firstJoin = new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.on('connect', () => {
      const reconnected = connectedBefore;
      connectedBefore = true;
      socket
        .timeout(5000)
        .emitWithAck('join', [`workspace:${team.workspaceId}`])
        .then(() => (reconnected ? catchUp() : resolve()))
        .catch((error: Error) => (reconnected ? client.catchUps.failed++ : reject(error)));
    });
  });
  await firstJoin;
  return client;
}

/** Polls until `ok()` holds, for at most `timeoutMs`; the message names what was awaited. */
export async function until(
  what: string,
  ok: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * Creates a task through `base` as the web app's offline queue does: one Idempotency-Key for
 * every try, retrying network failures, 5xx and 409 IDEMPOTENCY_IN_PROGRESS. However many tries it
 * takes, one answered task, written once.
 */
export async function createTaskRetrying(
  base: string,
  team: Team,
  title: string,
): Promise<{ id: string; retries: number }> {
  const key = randomUUID();
  const deadline = Date.now() + 90_000;
  for (let retries = 0; ; retries++) {
    const answer = await call(base, 'POST', `/projects/${team.projectId}/tasks`, {
      token: team.token,
      body: { title },
      headers: { 'Idempotency-Key': key },
    }).catch(() => undefined);
    const inProgress = answer?.status === 409 && answer.body?.error?.code === 'IDEMPOTENCY_IN_PROGRESS';
    if (answer && answer.status < 500 && !inProgress) {
      if (answer.status !== 201)
        throw new Error(`create ${title}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return { id: answer.body.id, retries };
    }
    if (Date.now() > deadline)
      throw new Error(`create ${title} kept failing (${answer?.status ?? 'no answer'})`);
    await sleep(200);
  }
}

export interface WebhookReceiver {
  url: string;
  /** Every request received, in order. */
  received: { headers: IncomingHttpHeaders; body: { type: string; data: { id: string } } }[];
  close(): Promise<void>;
}

/** An HTTP server on loopback that answers 200 to every webhook delivery and records it. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Subscribes the team's workspace to `task.created` at `url`; the webhook's id. */
export async function subscribeTaskCreated(base: string, team: Team, url: string): Promise<string> {
  const hook = await call(base, 'POST', `/workspaces/${team.workspaceId}/webhooks`, {
    token: team.token,
    body: { url, events: ['task.created'] },
  });
  if (hook.status !== 201) throw new Error(`webhook: ${hook.status} ${JSON.stringify(hook.body)}`);
  return hook.body.id;
}

/** The webhook's deliveries (up to 100), as the api lists them. */
export async function deliveries(
  base: string,
  team: Team,
  webhookId: string,
): Promise<{ id: string; status: string; attempts: number }[]> {
  return (await call(base, 'GET', `/webhooks/${webhookId}/deliveries?limit=100`, { token: team.token })).body
    .items;
}

/** The client's seqs, live or caught up, run without a gap. */
export function gapless(client: WatchingClient): boolean {
  const seqs = [...client.changes.keys()].sort((a, b) => a - b);
  return seqs.length === 0 || seqs.at(-1)! - seqs[0]! + 1 === seqs.length;
}

/** Every change each client holds, live or caught up, covers `ids`, and its seqs have no gap. */
export function expectEveryChange(clients: WatchingClient[], ids: string[]): void {
  for (const client of clients) {
    const seen = new Set(client.changes.values());
    expect(ids.filter((id) => !seen.has(id))).toEqual([]);
    expect(client.catchUps.failed).toBe(0);
    const seqs = [...client.changes.keys()].sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]! + 1).toBe(seqs.length);
  }
}
