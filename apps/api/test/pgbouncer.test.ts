import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startPgBouncer, type LocalPgBouncer } from '@teamflow/local-services';
import { isolatedStore, type IsolatedStore } from '@teamflow/core/testing/isolated-store';
import { connectionUrl } from '@teamflow/db/client';
import { runMigrations } from '@teamflow/db/setup';
import { auth, createTeam, V1, type TeamFixture } from './harness';
import { startLiveApi, type LiveApi } from './realtime-harness';

// The api as production runs it: DATABASE_URL through PgBouncer in transaction mode (two server
// connections, shared by every client, so anything leaning on session state meets another
// client's session), DATABASE_DIRECT_URL straight to PostgreSQL for the outbox LISTEN.
const STATEMENT_TIMEOUT_MS = 3000;

let store: IsolatedStore;
let bouncer: LocalPgBouncer;
let api: LiveApi;
let team: TeamFixture;
let direct: pg.Pool;

beforeAll(async () => {
  store = await isolatedStore('pgbouncer');
  // The migration step sets the database's statement_timeout; a short one so a test can meet it.
  await runMigrations(store.env.DATABASE_URL, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
  bouncer = await startPgBouncer({ upstreamUrl: store.env.DATABASE_URL, poolSize: 2 });
  api = await startLiveApi(
    {
      ...store.env,
      DATABASE_URL: bouncer.pooledUrl(store.env.DATABASE_URL),
      DATABASE_DIRECT_URL: store.env.DATABASE_URL,
      DB_POOL_MAX: '8',
    },
    // No polling to speak of: only a NOTIFY heard over the direct LISTEN wakes the relay.
    { idleMs: 10 * 60_000 },
  );
  team = await createTeam(api);
  direct = new pg.Pool({ connectionString: connectionUrl(store.env.DATABASE_URL), max: 2 });
});

afterAll(async () => {
  await api?.close();
  await direct?.end();
  await bouncer?.close();
  await store?.drop();
});

const createTask = (title: string) =>
  api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(team.users.member)).send({ title });

describe('the api through PgBouncer in transaction mode', () => {
  it('gives concurrent task creates in one project unique, consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => createTask(`Parallel ${i}`)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });

  it('answers a stale write with 409 and keeps the first write', async () => {
    const task = (await createTask('Contested')).body as { id: string };
    const patch = (title: string) =>
      api.http().patch(`${V1}/tasks/${task.id}`).set(auth(team.users.member)).send({ version: 1, title });
    expect((await patch('First')).status).toBe(200);
    const stale = await patch('Second');
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const { rows } = await direct.query('select title, version from tasks where id = $1', [task.id]);
    expect(rows[0]).toEqual({ title: 'First', version: 2 });
  });

  it('publishes an event from a write, woken by NOTIFY over the direct LISTEN connection', async () => {
    const task = (await createTask('Announced')).body as { id: string };
    // A plain create wakes this api's relay directly (outbox-wake.test.ts); an update NOTIFYs at
    // its commit. The relay polls every ten minutes here: the update's event is published within
    // the test's timeout only if that NOTIFY reached the listener.
    const createdPublished = async () =>
      (
        await direct.query(`select 1 from outbox where entity_id = $1 and published_at is not null`, [
          task.id,
        ])
      ).rowCount === 1;
    while (!(await createdPublished())) await sleep(50);
    const patched = await api
      .http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(team.users.member))
      .send({ version: 1, title: 'Announced again' });
    expect(patched.status).toBe(200);
    let published: { type: string; seq: number | null } | undefined;
    while (!published) {
      const { rows } = await direct.query(
        `select type, seq::int as seq from outbox
          where entity_id = $1 and type = 'TASK_UPDATED' and published_at is not null`,
        [task.id],
      );
      published = rows[0];
      if (!published) await sleep(50);
    }
    expect(published.type).toBe('TASK_UPDATED');
    expect(published.seq).toEqual(expect.any(Number));
    const { rows: listeners } = await direct.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = 'teamflow-outbox-listener' and query ilike 'LISTEN%'`,
    );
    expect(listeners[0].n).toBe(1);
  });

  it('runs the task list again and again across the pooled server connections', async () => {
    const marker = `Listed ${randomUUID().slice(0, 6)}`;
    const created = (await createTask(marker)).body as { id: string };
    const list = (query: string) =>
      api.http().get(`${V1}/projects/${team.projectId}/tasks?${query}`).set(auth(team.users.member));
    // Eight api pool clients over two server connections, three list shapes, several rounds: a
    // statement prepared on one server connection would be looked for on the other.
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          list(['limit=100', `q=${encodeURIComponent(marker)}`, 'sort=-createdAt&limit=50'][i % 3]!),
        ),
      );
      for (const res of results) {
        expect(res.status).toBe(200);
        expect(res.body.items.map((t: { id: string }) => t.id)).toContain(created.id);
      }
    }
  });

  it('applies the database statement timeout to pooled connections', async () => {
    const pooled = new pg.Pool({
      connectionString: connectionUrl(bouncer.pooledUrl(store.env.DATABASE_URL)),
      max: 3,
    });
    try {
      const shown = await Promise.all(
        Array.from({ length: 3 }, () =>
          pooled.query<{ statement_timeout: string }>('show statement_timeout'),
        ),
      );
      expect(shown.map((r) => r.rows[0]!.statement_timeout)).toEqual(Array(3).fill('3s'));
      await expect(pooled.query('select pg_sleep(30)')).rejects.toMatchObject({ code: '57014' });
    } finally {
      await pooled.end();
    }
  });
});
