import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { freePort } from '@teamflow/local-services';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import { PrivateRedis } from './private-redis';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  unpublishedOutboxRows,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * The event stream lives in Redis. When Redis dies without saving and comes back empty, entries
 * the api's reader had not read yet are gone with it, although the relay stamped their outbox rows
 * published. Connected clients must still get every event, once, in seq order: the reader sees
 * the new server (its run id) and replays from PostgreSQL what it had not delivered.
 */

let redis: PrivateRedis;
let store: Awaited<ReturnType<typeof isolatedStore>>;
let api: LiveApi;
let team: TeamFixture;
let watcher: Client;

const unpublished = () => unpublishedOutboxRows(api, team.workspaceId);

async function renameTask(title: string): Promise<void> {
  const current = await api.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
  const res = await api
    .http()
    .patch(`${V1}/tasks/${team.taskId}`)
    .set(auth(team.users.member))
    .send({ title, version: current.body.version });
  expect(res.status).toBe(200);
}

const titled = (title: string) => watcher.events.filter((e) => e.data.title === title);

beforeAll(async () => {
  redis = await PrivateRedis.start();
  store = await isolatedStore('rt_empty');
  api = await startLiveApi({ ...store.env, REDIS_URL: redis.url, REALTIME_ADAPTER: 'memory' });
  team = await createTeam(api);
  watcher = await connectClient(api.url, team.users.viewer.token);
  await watcher.join([`workspace:${team.workspaceId}`]);
  await until('the set-up events to be published', async () => (await unpublished()) === 0);
}, 30_000);

afterAll(async () => {
  watcher?.socket.disconnect();
  await api?.close();
  await redis?.kill();
  await store?.drop();
});

it('delivers events the emptied stream lost before the reader saw them, once each and in order, and the ones after', async () => {
  await api.relay.stop();
  await renameTask('Lost 1');
  await renameTask('Lost 2');
  // The window the drill hit: the relay appends and stamps the rows published, and Redis dies
  // before the reader has read them (its connection is cut first, so it is between reads).
  const admin = new Redis(redis.url);
  const clients = (await admin.client('LIST')) as string;
  const reader = /id=(\d+) [^\n]*name=api-events/.exec(clients)?.[1];
  expect(reader).toBeDefined();
  // Cut off, the reader reconnects within 200 ms, and would read the entries the relay appends
  // whenever the pass and the kill take longer than that (a loaded machine). So Redis first stops
  // listening on its port (it moves to a spare one; open connections stay, the relay's among them):
  // the reader finds nothing there, as after the kill.
  await admin.config('SET', 'port', String(await freePort()));
  await admin.client('KILL', 'ID', reader!);
  admin.disconnect();
  await api.relay.runOnce();
  await redis.kill();
  expect(await unpublished()).toBe(0);
  await sleep(1000);
  expect(titled('Lost 1')).toEqual([]);

  await redis.restart();
  await until('the lost events to be replayed', () => titled('Lost 2').length === 1, 15_000);
  api.relay.start();
  await until('the api to be ready', async () => (await api.http().get('/health/ready')).status === 200);
  await renameTask('After');
  await until('the next event', () => titled('After').length === 1, 15_000);
  await sleep(500);

  for (const title of ['Lost 1', 'Lost 2', 'After']) expect(titled(title)).toHaveLength(1);
  const seqs = watcher.events.filter((e) => e.workspaceId === team.workspaceId).map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
}, 60_000);
