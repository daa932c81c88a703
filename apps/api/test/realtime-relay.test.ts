import { setTimeout as sleep } from 'node:timers/promises';
import { createOutboxRelay } from '@teamflow/core/events/outbox-relay';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import { PrivateRedis } from './private-redis';
import {
  connectClient,
  isolatedStore,
  startLiveApi,
  until,
  type Client,
  type LiveApi,
} from './realtime-harness';

/**
 * The relay's guarantees: a Redis outage delays events but loses none and repeats none, and
 * several relays side by side publish each event exactly once. This suite has a database and a
 * redis-server of its own, so no other suite's relay takes its rows.
 */

let redis: PrivateRedis;
let store: Awaited<ReturnType<typeof isolatedStore>>;
let one: LiveApi;
let two: LiveApi;
let team: TeamFixture;
let watcher: Client;

async function outbox(): Promise<{ total: number; unpublished: number }> {
  const { rows } = await one.deps.pool.query<{ total: number; unpublished: number }>(
    `select count(*)::int as total, (count(*) filter (where published_at is null))::int as unpublished
     from outbox where workspace_id = $1`,
    [team.workspaceId],
  );
  return rows[0]!;
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

/**
 * Not a fixed wait for a repeat that may still come: one more change, published by a later pass
 * (passes take turns under the relays' lock) and read from the stream after everything before it,
 * has reached the watcher.
 */
async function laterChangeArrives(title: string): Promise<void> {
  await renameTask(title);
  await until(`"${title}" to arrive`, () => watcher.events.some((e) => e.data.title === title), 20_000);
  // The relay appends before its transaction stamps the row (seq included): wait for the commit.
  await until('the outbox to be marked published', async () => (await outbox()).unpublished === 0, 10_000);
}

function expectNoRepeats(client: Client): void {
  const seqs = client.events.filter((e) => e.workspaceId === team.workspaceId).map((e) => e.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
}

beforeAll(async () => {
  redis = await PrivateRedis.start();
  store = await isolatedStore('relay');
  const env = { ...store.env, REDIS_URL: redis.url };
  one = await startLiveApi(env);
  two = await startLiveApi(env);
  team = await createTeam(one);
  watcher = await connectClient(two.url, team.users.viewer.token);
  await watcher.join([`workspace:${team.workspaceId}`]);
  await until('the set-up events to be published', async () => (await outbox()).unpublished === 0);
});

afterAll(async () => {
  watcher?.socket.disconnect();
  await one?.close();
  await two?.close();
  await redis?.kill();
  await store?.drop();
});

describe('the outbox relay', () => {
  it('keeps events in the outbox while Redis is down and delivers all of them, once each, when it returns', async () => {
    // Stop both relays so the changes (which need Redis for auth) are made before the outage.
    await Promise.all([one.relay.stop(), two.relay.stop()]);
    const titles = ['Outage 1', 'Outage 2', 'Outage 3', 'Outage 4', 'Outage 5'];
    for (const title of titles) await renameTask(title);
    await redis.kill();
    one.relay.start();
    two.relay.start();
    await sleep(2000);
    expect((await outbox()).unpublished).toBe(titles.length);
    await redis.restart();
    await until(
      'the held events to arrive',
      () => titles.every((t) => watcher.events.some((e) => e.data.title === t)),
      20_000,
    );
    // The relay adds to the stream before its transaction marks the rows (a client may see an
    // event a moment before the commit), so the outbox empties right after, not necessarily before.
    await until('the outbox to be marked published', async () => (await outbox()).unpublished === 0, 10_000);
    await laterChangeArrives('After the outage');
    for (const title of titles) expect(watcher.events.filter((e) => e.data.title === title)).toHaveLength(1);
    expectNoRepeats(watcher);
  }, 40_000);

  it('publishes each event exactly once with several relays running side by side', async () => {
    const extra = [
      createOutboxRelay(one.deps, { idleMs: 1 }),
      createOutboxRelay(two.deps, { idleMs: 1, batchSize: 3 }),
    ];
    extra.forEach((r) => r.start());
    const before = watcher.events.length;
    const n = 30;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        one
          .http()
          .post(`${V1}/projects/${team.projectId}/tasks`)
          .set(auth(team.users.member))
          .send({ title: `Parallel ${i}` }),
      ),
    );
    await until('every create to arrive', () => watcher.events.length - before >= n);
    await Promise.all(extra.map((r) => r.stop()));
    await laterChangeArrives('After the parallel creates');
    const created = watcher.events.slice(before).filter((e) => e.type === 'TASK_CREATED');
    expect(created).toHaveLength(n);
    expect(new Set(created.map((e) => e.entityId)).size).toBe(n);
    expectNoRepeats(watcher);
    // The seqs on the outbox rows and the activities are the same gap-free sequence.
    const { rows } = await one.deps.pool.query<{ seqs: number[]; activity: number }>(
      `select array_agg(o.seq order by o.seq)::int[] as seqs,
              count(a.event_seq)::int as activity
       from outbox o left join activities a on a.id = o.activity_id and a.event_seq = o.seq
       where o.workspace_id = $1`,
      [team.workspaceId],
    );
    const seqs = rows[0]!.seqs;
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(rows[0]!.activity).toBe(seqs.length);
  }, 30_000);

  it('gives the events of a pass that died after appending them the same seqs, once, when it publishes them again', async () => {
    await Promise.all([one.relay.stop(), two.relay.stop()]);
    const seer = await connectClient(two.url, team.users.viewer.token);
    await seer.join([`workspace:${team.workspaceId}`]);
    const relay = createOutboxRelay(one.deps);
    await renameTask('Settled');
    expect(await relay.runOnce()).toBe(1);
    // An event whose transaction began first (a lower outbox id) and commits after the dying pass:
    // published again in id order, it would take the seq the client saw on another event.
    const late = await one.deps.pool.connect();
    await late.query('begin');
    await late.query(
      `insert into outbox (workspace_id, type, entity_id, actor_id, payload)
       select workspace_id, type, entity_id, actor_id, jsonb_set(payload, '{data,title}', '"Late"')
       from outbox where workspace_id = $1 and type = 'TASK_UPDATED' order by id desc limit 1`,
      [team.workspaceId],
    );
    await renameTask('Dying 1');
    await renameTask('Dying 2');

    // The pass sends its append while Redis is stopped, loses its database connection (its
    // transaction rolls back), and then Redis carries out the append.
    redis.pause();
    const dying = relay.runOnce().then(
      () => 'committed',
      (error: Error) => error.message,
    );
    let holder: number | undefined;
    await until('the dying pass to wait on Redis inside its transaction', async () => {
      const { rows } = await one.deps.pool.query<{ pid: number; waiting: boolean }>(
        `select a.pid, a.state = 'idle in transaction' and now() - a.state_change > interval '300 ms' as waiting
         from pg_locks l join pg_stat_activity a using (pid)
         where l.locktype = 'advisory' and l.objid = 7324001 and l.granted
           and l.database = (select oid from pg_database where datname = current_database())`,
      );
      holder = rows[0]?.pid;
      return rows[0]?.waiting === true;
    });
    await one.deps.pool.query('select pg_terminate_backend($1)', [holder]);
    redis.resume();
    expect(await dying).not.toBe('committed');
    await until('the dying pass to reach the client', () =>
      ['Dying 1', 'Dying 2'].every((title) => seer.events.some((e) => e.data.title === title)),
    );
    expect(await outbox()).toMatchObject({ unpublished: 2 });

    await late.query('commit');
    late.release();
    expect(await createOutboxRelay(two.deps).runOnce()).toBe(3);
    await until('the late event to reach the client', () => seer.events.some((e) => e.data.title === 'Late'));

    // Every seq the client received names the event stored with it, and the late one comes after.
    const { rows } = await one.deps.pool.query<{ seq: number; title: string }>(
      `select seq::int, payload->'data'->>'title' as title from outbox where workspace_id = $1 and seq is not null`,
      [team.workspaceId],
    );
    const stored = new Map(rows.map((r) => [r.seq, r.title]));
    const received = seer.events.filter((e) => e.workspaceId === team.workspaceId);
    expect(received.map((e) => [e.seq, e.data.title])).toEqual(
      received.map((e) => [e.seq, stored.get(e.seq)]),
    );
    // Once each: the dying pass's entry is not appended again.
    expect(new Set(received.map((e) => e.seq)).size).toBe(received.length);
    const seqOf = (title: string) => received.find((e) => e.data.title === title)!.seq;
    expect([seqOf('Dying 1'), seqOf('Dying 2'), seqOf('Late')]).toEqual([
      seqOf('Settled') + 1,
      seqOf('Settled') + 2,
      seqOf('Settled') + 3,
    ]);
    seer.socket.disconnect();
  }, 30_000);
});
