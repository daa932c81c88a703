import { Client } from 'pg';
import { connectionUrl } from '@teamflow/db/client';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { isolatedStore } from './realtime-harness';

/**
 * PostgreSQL cutting the api's connections (`pg_terminate_backend`, as a failover or an admin
 * would): requests fail fast with a 503 in the error shape (never a 500, never a hang), nothing is
 * half-written, and the api recovers without a restart. Only backends of this suite's OWN
 * database are terminated (filtered by datname = current_database()).
 */

let store: Awaited<ReturnType<typeof isolatedStore>>;
let api: TestApi;
let team: TeamFixture;
let killer: Client;

beforeAll(async () => {
  store = await isolatedStore('pgterm');
  api = await startApi(store.env);
  team = await createTeam(api);
  killer = new Client({ connectionString: connectionUrl(store.env.DATABASE_URL) });
  await killer.connect();
});
afterAll(async () => {
  await killer?.end();
  await api?.close();
  await store?.drop();
});

/** Terminates every other backend of this database; returns how many. */
async function terminateOthers(): Promise<number> {
  const { rows } = await killer.query<{ n: number }>(
    `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rows[0]!.n;
}

/** Keeps terminating backends until `stop` resolves. */
async function terminateWhile(stop: Promise<unknown>): Promise<number> {
  let done = false;
  void stop.finally(() => (done = true));
  let kills = 0;
  while (!done) {
    kills += await terminateOthers();
    await new Promise((r) => setTimeout(r, 3));
  }
  return kills;
}

const withDeadline = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);

function expectFailFast(
  statuses: { status: number; body: { error?: { code: string; requestId: string } } }[],
) {
  for (const r of statuses) {
    expect([200, 201, 503]).toContain(r.status);
    if (r.status === 503) {
      expect(r.body.error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', requestId: expect.any(String) });
    }
  }
}

describe('when PostgreSQL terminates the api’s connections', () => {
  it('answers task creates with 201 or a fast 503, and leaves no task without its activity and outbox row', async () => {
    const creates = Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        withDeadline(
          api
            .http()
            .post(`${V1}/projects/${team.projectId}/tasks`)
            .set(auth(team.users.owner))
            .send({ title: `Under fire ${i}`, assigneeIds: [team.users.member.id] }),
          10_000,
        ),
      ),
    );
    const kills = await terminateWhile(creates);
    const results = await creates;
    expect(kills).toBeGreaterThan(0);
    expectFailFast(results);
    const created = results.filter((r) => r.status === 201).length;
    const unavailable = results.filter((r) => r.status === 503).length;
    expect(created + unavailable).toBe(60);

    const { rows } = await api.deps.pool.query<{
      id: string;
      activities: number;
      events: number;
      jobs: number;
    }>(
      `select t.id,
              (select count(*)::int from activities a where a.entity_id = t.id and a.action = 'created') as activities,
              (select count(*)::int from outbox o where o.entity_id = t.id and o.type = 'TASK_CREATED') as events,
              (select count(*)::int from job_outbox j where j.payload->>'taskId' = t.id::text) as jobs
       from tasks t where t.title like 'Under fire %'`,
    );
    // A 503 can come after the commit (the answer was lost, not the work), so: at least every 201.
    expect(rows.length).toBeGreaterThanOrEqual(created);
    expect(rows.length).toBeLessThanOrEqual(60);
    for (const row of rows) expect(row).toMatchObject({ activities: 1, events: 1, jobs: 1 });
  });

  it('answers comments (a multi-statement transaction) with 201 or a fast 503, never half-written', async () => {
    // Two storms first: a backend killed right as a client is checked out must not leak the client.
    for (let round = 0; round < 2; round++) {
      const storm = Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          withDeadline(
            api
              .http()
              .post(`${V1}/tasks/${team.taskId}/comments`)
              .set(auth(team.users.admin))
              .send({ body: `Cut ${round}-${i}` }),
            10_000,
          ),
        ),
      );
      await terminateWhile(storm);
      expectFailFast(await storm);
    }
    const posts = Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withDeadline(
          api
            .http()
            .post(`${V1}/tasks/${team.taskId}/comments`)
            .set(auth(team.users.admin))
            .send({ body: `Cut ${i}` }),
          10_000,
        ),
      ),
    );
    await terminateWhile(posts);
    const results = await posts;
    expectFailFast(results);
    const { rows } = await api.deps.pool.query<{ activities: number; events: number; jobs: number }>(
      `select (select count(*)::int from activities a where a.entity_id = c.id) as activities,
              (select count(*)::int from outbox o where o.entity_id = c.id) as events,
              (select count(*)::int from job_outbox j where j.payload->>'commentId' = c.id::text) as jobs
       from comments c where c.body like 'Cut %'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(results.filter((r) => r.status === 201).length);
    for (const row of rows) expect(row).toEqual({ activities: 1, events: 1, jobs: 1 });
  });

  it('recovers by itself: once the terminations stop, requests succeed again', async () => {
    await terminateOthers();
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await api.http().get(`${V1}/tasks/${team.taskId}`).set(auth(team.users.member))).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    const ready = await api.http().get('/health/ready');
    expect(ready.status).toBe(200);
    const created = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.owner))
      .send({ title: 'After the storm' });
    expect(created.status).toBe(201);
  });
});
