import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { startReplica, type LocalReplica } from '@teamflow/local-services';
import { generateDigest } from '@teamflow/core/digests/generate-digest';
import { connectionUrl } from '@teamflow/db/client';
import { createReadRouter } from '@teamflow/db/read-replica';
import { ensureDatabase, runMigrations } from '@teamflow/db/setup';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi, type TestUser } from './harness';

// The api on a primary and its streaming replica (both started here: the machine's server allows
// no replication connections). Pausing WAL replay on the replica stands in for replication lag.

let pair: LocalReplica;
let primary: pg.Pool;
let replica: pg.Pool;
let api: TestApi;
let team: TeamFixture;

beforeAll(async () => {
  pair = await startReplica();
  const database = `teamflow_replica_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(pair.primaryUrl(database));
  await runMigrations(pair.primaryUrl(database));
  primary = new pg.Pool({ connectionString: connectionUrl(pair.primaryUrl(database)), max: 2 });
  replica = new pg.Pool({ connectionString: connectionUrl(pair.replicaUrl(database)), max: 2 });
  // The replica is stopped in one test: its idle connections end then.
  replica.on('error', () => undefined);
  await replicaCaughtUp();
  api = await startApi({
    DATABASE_URL: pair.primaryUrl(database),
    DATABASE_REPLICA_URL: pair.replicaUrl(database),
    REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX ?? 'tf:test:'}replica_${randomBytes(3).toString('hex')}:`,
  });
  team = await createTeam(api);
}, 60000);

afterAll(async () => {
  await api?.close();
  await primary?.end();
  await replica?.end();
  await pair?.close();
});

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<void> {
  const { rows } = await primary.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
  for (;;) {
    const caughtUp = await replica
      .query<{ ok: boolean }>('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0]!.lsn])
      .then((r) => r.rows[0]!.ok)
      .catch(() => false); // the database itself may not have reached the replica yet
    if (caughtUp) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Replication lag on demand: the replica receives WAL but applies none of it until resumed. */
async function whileReplayPaused<T>(during: () => Promise<T>): Promise<T> {
  await replicaCaughtUp();
  await replica.query('select pg_wal_replay_pause()');
  while ((await replica.query(`select pg_get_wal_replay_pause_state() as s`)).rows[0].s !== 'paused')
    await new Promise((r) => setTimeout(r, 20));
  try {
    return await during();
  } finally {
    await replica.query('select pg_wal_replay_resume()');
  }
}

const listTitles = async (by: TestUser) => {
  const res = await api.http().get(`${V1}/projects/${team.projectId}/tasks?limit=100`).set(auth(by));
  expect(res.status).toBe(200);
  return (res.body.items as { title: string }[]).map((t) => t.title);
};
const createTask = async (title: string, by: TestUser = team.users.member) => {
  const res = await api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(by)).send({ title });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};
/** Whether the router sends this reader's reads to a server in recovery (the replica). */
const readsFromReplica = (readerId: string | null) =>
  api.deps.reads.read(readerId, async (db) => {
    const { rows } = await db.execute<{ standby: boolean }>(sql`select pg_is_in_recovery() as standby`);
    return rows[0]!.standby;
  });

describe('reads with a streaming replica (DATABASE_REPLICA_URL)', () => {
  it('sends reads to the replica by default: a reader with no unreplayed write, and reads on nobody’s behalf', async () => {
    await replicaCaughtUp();
    expect(await readsFromReplica(null)).toBe(true);
    expect(await readsFromReplica(team.users.viewer.id)).toBe(true);
    // The writer too, once the replica has replayed their write.
    await createTask('Replayed already');
    await replicaCaughtUp();
    expect(await readsFromReplica(team.users.member.id)).toBe(true);
    expect(await listTitles(team.users.member)).toContain('Replayed already');
  });

  it('serves the writer’s own list right after their write from the primary, while another user’s list comes from the lagging replica', async () => {
    await whileReplayPaused(async () => {
      await createTask('Written during lag');
      // Read your writes: the author sees the task at once…
      expect(await listTitles(team.users.member)).toContain('Written during lag');
      expect(await readsFromReplica(team.users.member.id)).toBe(false);
      // …while a reader who did not write is served by the replica, which has not replayed it.
      expect(await listTitles(team.users.viewer)).not.toContain('Written during lag');
      expect(await readsFromReplica(team.users.viewer.id)).toBe(true);
    });
    await replicaCaughtUp();
    expect(await listTitles(team.users.viewer)).toContain('Written during lag');
    expect(await readsFromReplica(team.users.member.id)).toBe(true);
  });

  it('answers search, burndown and velocity from the replica, storing a new analytics snapshot on the primary', async () => {
    const sprint = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(team.users.member))
      .send({ name: 'Replica sprint' });
    expect(sprint.status).toBe(201);
    await whileReplayPaused(async () => {
      await createTask('Zanzibar harbour');
      const search = (by: TestUser) =>
        api.http().get(`${V1}/workspaces/${team.workspaceId}/search?q=Zanzibar`).set(auth(by));
      const mine = await search(team.users.member);
      expect(mine.status).toBe(200);
      expect(mine.body.items.map((h: { title: string }) => h.title)).toContain('Zanzibar harbour');
      const theirs = await search(team.users.viewer);
      expect(theirs.status).toBe(200);
      expect(theirs.body.items).toEqual([]);

      // The replica is read-only: these pass only if the snapshot they compute is written to the primary.
      const burndown = await api
        .http()
        .get(`${V1}/sprints/${sprint.body.id}/burndown`)
        .set(auth(team.users.viewer));
      expect(burndown.status).toBe(200);
      const velocity = await api
        .http()
        .get(`${V1}/projects/${team.projectId}/velocity?count=3`)
        .set(auth(team.users.viewer));
      expect(velocity.status).toBe(200);
      const { rows } = await primary.query(
        'select kind from analytics_snapshots where subject_id = any($1::uuid[])',
        [[sprint.body.id, team.projectId]],
      );
      expect(rows.map((r) => r.kind).sort()).toEqual(['burndown', 'velocity']);

      // A sprint the replica has not replayed yet: the guard finds it on the primary, and so does the read.
      const fresh = await api
        .http()
        .post(`${V1}/projects/${team.projectId}/sprints`)
        .set(auth(team.users.owner))
        .send({ name: 'Sprint made during lag' });
      expect(fresh.status).toBe(201);
      const freshBurndown = await api
        .http()
        .get(`${V1}/sprints/${fresh.body.id}/burndown`)
        .set(auth(team.users.viewer));
      expect(freshBurndown.status).toBe(200);
    });
  });

  it('builds a digest from the replica’s rows and writes it on the primary', async () => {
    const date = '2032-05-04';
    const { digest, written } = await whileReplayPaused(() =>
      generateDigest(api.deps, team.workspaceId, date),
    );
    expect(written).toBe(true);
    expect(digest.date).toBe(date);
    const { rows } = await primary.query(
      'select 1 from daily_summaries where workspace_id = $1 and date = $2',
      [team.workspaceId, date],
    );
    expect(rows).toHaveLength(1);
  });

  it('falls back to the primary when the replica is down (no errors), and returns to it once it is back', async () => {
    await pair.stopReplica();
    try {
      await createTask('Written while the replica is down');
      for (const by of [team.users.member, team.users.viewer, team.users.owner]) {
        expect(await listTitles(by)).toContain('Written while the replica is down');
      }
      const search = await api
        .http()
        .get(`${V1}/workspaces/${team.workspaceId}/search?q=replica`)
        .set(auth(team.users.viewer));
      expect(search.status).toBe(200);
      expect(await readsFromReplica(null)).toBe(false);
    } finally {
      await pair.restartReplica();
    }
    // After the breaker's pause one read tries the replica again, and reads stay there.
    while (!(await readsFromReplica(null))) await new Promise((r) => setTimeout(r, 200));
    expect(await readsFromReplica(team.users.viewer.id)).toBe(true);
  });
});

describe('the read router’s breaker', () => {
  it('tries a replica that does not answer once, then keeps reads on the primary until the breaker’s pause is over', async () => {
    // A replica that accepts connections and drops them at once (a server going down).
    let attempts = 0;
    const dropping = net.createServer((socket) => {
      attempts++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => dropping.listen(0, '127.0.0.1', resolve));
    const { port } = dropping.address() as net.AddressInfo;
    const events: string[] = [];
    const router = createReadRouter({
      primary: api.deps.db,
      replicaUrl: `postgres://127.0.0.1:${port}/teamflow`,
      breakerMs: 60_000,
      onEvent: (event) => events.push(event),
    });
    try {
      const answers = [];
      for (let i = 0; i < 10; i++)
        answers.push(await router.read(null, async (db) => (await db.execute(sql`select 1 as one`)).rows[0]));
      expect(answers).toEqual(Array(10).fill({ one: 1 }));
      expect(attempts).toBe(1);
      expect(events).toEqual(['replica-down']);
    } finally {
      await router.close();
      dropping.close();
    }
  });

  it('lets an error in the query itself through instead of hiding it behind the primary', async () => {
    await expect(
      api.deps.reads.read(null, (db) => db.execute(sql`select * from no_such_table`)),
    ).rejects.toThrow(/no_such_table/);
    expect(await readsFromReplica(null)).toBe(true);
  });
});
