import { setTimeout as sleep } from 'node:timers/promises';
import { startRedisCluster, type LocalRedisCluster } from '@teamflow/local-services';
import { EVENT_STREAM_KEY } from '@teamflow/core/events/event-stream';
import { auth, createTeam, startApi, uniqueEmail, V1, type TeamFixture, type TestApi } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * Two api instances on a Redis Cluster (three primaries with a replica each, REDIS_CLUSTER_NODES):
 * events, the sharded Socket.io adapter, presence, the token deny-list and rate limits work across
 * instances, and a primary that dies fails over without losing an event. Its own database and key
 * prefix: it runs its own outbox relays.
 */
let cluster: LocalRedisCluster;
let store: Awaited<ReturnType<typeof isolatedStore>>;
let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
const clients: Client[] = [];
const limited: TestApi[] = [];

beforeAll(async () => {
  cluster = await startRedisCluster();
  store = await isolatedStore('cluster');
  const env = { ...store.env, ...cluster.env };
  one = await startLiveApi(env);
  two = await startLiveApi(env);
  team = await createTeam(one);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.socket.disconnect();
  await Promise.all(limited.map((api) => api.close()));
  await one?.close();
  await two?.close();
  await cluster?.close();
  await store?.drop();
});

async function watch(api: LiveApi, token: string, rooms: string[]): Promise<Client> {
  const client = await connectClient(api.url, token);
  clients.push(client);
  expect((await client.join(rooms)).joined).toEqual(rooms);
  return client;
}

async function createTask(api: LiveApi, title: string): Promise<string> {
  const res = await api
    .http()
    .post(`${V1}/projects/${team.projectId}/tasks`)
    .set(auth(team.users.member))
    .send({ title });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const arrived = (client: Client, taskId: string) =>
  client.events.some((e) => e.type === 'TASK_CREATED' && e.entityId === taskId);

it('delivers a task created through one instance to a socket on the other', async () => {
  const watcher = await watch(two, team.users.viewer.token, [`project:${team.projectId}`]);
  const taskId = await createTask(one, 'Created on one, seen on two');
  await until('TASK_CREATED on the other instance', () => arrived(watcher, taskId));
});

it('announces a user online across instances through the sharded Socket.io adapter (presence keys share one slot)', async () => {
  const room = `workspace:${team.workspaceId}`;
  const onOne = await watch(one, team.users.owner.token, [room]);
  // Joined on two: two runs the presence MULTI and emits through the adapter to one's sockets.
  await watch(two, team.users.admin.token, [room]);
  await until('USER_ONLINE from the other instance', () =>
    onOne.presence.some((e) => e.type === 'USER_ONLINE' && e.entityId === team.users.admin.id),
  );
});

it('counts the viewers of a project on both instances (fetchSockets through the sharded adapter)', async () => {
  const room = `project:${team.projectId}`;
  await watch(two, team.users.admin.token, [room]);
  const onOne = await watch(one, team.users.owner.token, [room]);
  await until('ROOM_VIEWERS naming the viewer on the other instance', () =>
    onOne.viewers.some(
      (v) =>
        v.data.room === room &&
        v.data.userIds.includes(team.users.admin.id) &&
        v.data.userIds.includes(team.users.owner.id),
    ),
  );
});

it('refuses on one instance an access token signed out on the other', async () => {
  const user = team.users.stranger;
  expect((await two.http().get(`${V1}/auth/me`).set(auth(user))).status).toBe(200);
  const out = await one.http().post(`${V1}/auth/logout`).set(auth(user)).set('Cookie', user.refreshCookie);
  expect(out.status).toBe(204);
  expect((await two.http().get(`${V1}/auth/me`).set(auth(user))).status).toBe(401);
});

it('counts auth attempts on both instances against one limit: the 4th in a minute is 429', async () => {
  // A prefix of its own, so no other request counts against the small limit.
  const settings = {
    ...store.env,
    ...cluster.env,
    REDIS_KEY_PREFIX: `${store.env.REDIS_KEY_PREFIX}rl:`,
    RATE_LIMIT_AUTH_PER_MINUTE: '3',
  };
  const a = await startApi(settings);
  const b = await startApi(settings);
  limited.push(a, b);
  // Fixed one-minute windows: do not start the burst in the last seconds of one.
  const second = Math.floor(Date.now() / 1000) % 60;
  if (second >= 54) await sleep((61 - second) * 1000);
  const statuses = [];
  for (const api of [a, b, a, b]) {
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: uniqueEmail('rl'), password: 'wrong-pass-1' });
    statuses.push(res.status);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
}, 30_000);

it('loses no event when the primary holding the event stream dies: after the failover a new task still arrives live', async () => {
  const watcher = await watch(two, team.users.viewer.token, [`project:${team.projectId}`]);
  const failover = await cluster.killPrimary({ key: `${store.env.REDIS_KEY_PREFIX}${EVENT_STREAM_KEY}` });
  expect(failover.promoted.port).not.toBe(failover.killed.port);
  const taskId = await createTask(one, 'Created after the failover');
  await until('TASK_CREATED after the failover', () => arrived(watcher, taskId), 20_000);
  // The adapter follows too: presence still crosses instances.
  const room = `workspace:${team.workspaceId}`;
  const onOne = await watch(one, team.users.owner.token, [room]);
  await watch(two, team.users.member.token, [room]);
  await until(
    'USER_ONLINE after the failover',
    () => onOne.presence.some((e) => e.type === 'USER_ONLINE' && e.entityId === team.users.member.id),
    20_000,
  );
}, 60_000);
