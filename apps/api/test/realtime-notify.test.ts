import { setTimeout as sleep } from 'node:timers/promises';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * The relay is woken by NOTIFY at commit, not by its poll: both instances poll only every 10 s
 * here, so an event that arrives within a few seconds can only have come through the listener.
 * Also: logout drops the user's sockets on every instance.
 */

const SLOW_POLL_MS = 10_000;
const WITHIN_MS = 4_000;

let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
let store: Awaited<ReturnType<typeof isolatedStore>>;
const clients: Client[] = [];

async function client(api: LiveApi, token: string): Promise<Client> {
  const c = await connectClient(api.url, token);
  clients.push(c);
  return c;
}

async function renameTask(title: string): Promise<void> {
  const current = await one.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member));
  const res = await one
    .http()
    .patch(`${V1}/tasks/${team.taskId}`)
    .set(auth(team.users.member))
    .send({ title, version: current.body.version });
  expect(res.status).toBe(200);
}

async function listeners(): Promise<number> {
  const { rows } = await one.deps.pool.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and application_name = 'teamflow-outbox-listener'`,
  );
  return rows[0]!.n;
}

beforeAll(async () => {
  store = await isolatedStore('notify');
  one = await startLiveApi(store.env, { idleMs: SLOW_POLL_MS });
  two = await startLiveApi(store.env, { idleMs: SLOW_POLL_MS });
  team = await createTeam(one);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.socket.disconnect();
});

afterAll(async () => {
  await one?.close();
  await two?.close();
  await store?.drop();
});

describe('relay wake-up by NOTIFY', () => {
  it('publishes a committed change long before the 10 s poll would have', async () => {
    const watcher = await client(two, team.users.viewer.token);
    await watcher.join([`workspace:${team.workspaceId}`]);
    // Let the set-up events go out and both relays settle into their long sleep.
    await until(
      'set-up events to be published',
      async () => {
        const { rows } = await one.deps.pool.query<{ n: number }>(
          'select count(*)::int as n from outbox where published_at is null',
        );
        return rows[0]!.n === 0;
      },
      SLOW_POLL_MS + 5_000,
    );
    await sleep(300);
    await renameTask('Woken by notify');
    await until(
      'the notified event',
      () => watcher.events.some((e) => e.data.title === 'Woken by notify'),
      WITHIN_MS,
    );
  }, 30_000);

  it('reconnects a listener whose connection was killed and is woken again', async () => {
    expect(await listeners()).toBe(2);
    await one.deps.pool.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and application_name = 'teamflow-outbox-listener'`,
    );
    await until('both listeners to be back', async () => (await listeners()) === 2, 8_000);
    const watcher = await client(two, team.users.viewer.token);
    await watcher.join([`workspace:${team.workspaceId}`]);
    await sleep(300);
    await renameTask('Woken after reconnect');
    await until(
      'the event after the listener reconnected',
      () => watcher.events.some((e) => e.data.title === 'Woken after reconnect'),
      WITHIN_MS,
    );
  }, 30_000);
});

describe('logout and sockets', () => {
  it('disconnects every socket of the user who logs out, on every instance, and only theirs', async () => {
    const onOne = await client(one, team.users.member.token);
    const onTwo = await client(two, team.users.member.token);
    const other = await client(two, team.users.viewer.token);
    await onTwo.join([`workspace:${team.workspaceId}`]);
    const reasons: string[] = [];
    for (const c of [onOne, onTwo]) c.socket.on('disconnect', (reason) => reasons.push(reason));

    const res = await one.http().post(`${V1}/auth/logout`).set(auth(team.users.member));
    expect(res.status).toBe(204);

    // Through the adapter to the other instance too: the default deadline, not 5 s.
    await until('both of their sockets to be dropped', () => reasons.length === 2);
    expect(reasons).toEqual(['io server disconnect', 'io server disconnect']);
    // Not a fixed wait: instance two answers the other user's request after it dropped the
    // member's socket there, so a wrong drop of this one would have come first.
    expect((await other.join([])).joined).toEqual([]);
    expect(other.socket.connected).toBe(true);
  });
});
