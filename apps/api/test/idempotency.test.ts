import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { runCleanup } from '@teamflow/core/maintenance/cleanup';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';

let api: TestApi;
let team: TeamFixture;
let server: http.Server;
beforeAll(async () => {
  api = await startApi();
  team = await createTeam(api);
  server = http.createServer(api.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await api.close();
});

const key = () => randomUUID();
const createTask = (title: string, idempotencyKey?: string) => {
  const req = api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(team.users.member));
  if (idempotencyKey) req.set('Idempotency-Key', idempotencyKey);
  return req.send({ title });
};

async function tasksTitled(title: string): Promise<number> {
  const { rows } = await api.deps.pool.query('select count(*)::int as n from tasks where title = $1', [
    title,
  ]);
  return (rows[0] as { n: number }).n;
}

async function outboxRowsFor(entityId: string): Promise<number> {
  const { rows } = await api.deps.pool.query('select count(*)::int as n from outbox where entity_id = $1', [
    entityId,
  ]);
  return (rows[0] as { n: number }).n;
}

/**
 * A proxy that forwards the request to the api and hangs up on the client the moment the api
 * starts answering: the write committed, the client never heard about it (a train going into a
 * tunnel).
 */
async function sendAndLoseTheAnswer(path: string, headers: Record<string, string>, body: unknown) {
  const target = server.address() as AddressInfo;
  let answered!: () => void;
  const apiAnswered = new Promise<void>((resolve) => (answered = resolve));
  const proxy = net.createServer((client) => {
    const upstream = net.connect(target.port, '127.0.0.1');
    client.pipe(upstream);
    upstream.once('data', () => {
      client.destroy();
      upstream.destroy();
      answered();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const payload = JSON.stringify(body);
  const clientError = await new Promise<Error | undefined>((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port: (proxy.address() as AddressInfo).port,
      method: 'POST',
      path,
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(payload),
      },
    });
    req.on('response', () => resolve(undefined));
    req.on('error', resolve);
    req.end(payload);
  });
  await apiAnswered;
  await new Promise((resolve) => proxy.close(resolve));
  return clientError;
}

describe('Idempotency-Key on the queued writes', () => {
  it('replays a create whose answer was lost after the server committed, without a second task', async () => {
    const title = `Lost answer ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    const lost = await sendAndLoseTheAnswer(
      `${V1}/projects/${team.projectId}/tasks`,
      { ...auth(team.users.member), 'Idempotency-Key': idempotencyKey },
      { title },
    );
    expect(lost?.message).toMatch(/socket hang up|ECONNRESET/);
    expect(await tasksTitled(title)).toBe(1);

    const replay = await createTask(title, idempotencyKey);
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toMatchObject({ title, version: 1 });
    expect(await tasksTitled(title)).toBe(1);
    expect(await outboxRowsFor(replay.body.id)).toBe(1);
  });

  it('answers the same key and body with the first answer and writes once', async () => {
    const title = `Twice ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    const first = await createTask(title, idempotencyKey);
    const second = await createTask(title, idempotencyKey);
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await tasksTitled(title)).toBe(1);
  });

  it('lets two concurrent requests with one key write once and both see the same task', async () => {
    const title = `Concurrent ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    const [a, b] = await Promise.all([createTask(title, idempotencyKey), createTask(title, idempotencyKey)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await tasksTitled(title)).toBe(1);
  });

  it('replays a PATCH: the second copy does not bump the version or meet a 409', async () => {
    const task = (await createTask(`Patch me ${randomUUID().slice(0, 6)}`)).body as { id: string };
    const idempotencyKey = key();
    const send = () =>
      api
        .http()
        .patch(`${V1}/tasks/${task.id}`)
        .set(auth(team.users.member))
        .set('Idempotency-Key', idempotencyKey)
        .send({ title: 'Renamed offline', version: 1 });
    const first = await send();
    const again = await send();
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.body.version).toBe(2);
    expect(await outboxRowsFor(task.id)).toBe(2);
  });

  it('replays a move and a comment once each', async () => {
    const task = (await createTask(`Move me ${randomUUID().slice(0, 6)}`)).body as { id: string };
    const moveKey = key();
    const move = () =>
      api
        .http()
        .post(`${V1}/tasks/${task.id}/move`)
        .set(auth(team.users.member))
        .set('Idempotency-Key', moveKey)
        .send({ status: 'in_progress', version: 1 });
    expect((await move()).status).toBe(200);
    const moved = await move();
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'in_progress', version: 2 });

    const commentKey = key();
    const comment = () =>
      api
        .http()
        .post(`${V1}/tasks/${task.id}/comments`)
        .set(auth(team.users.member))
        .set('Idempotency-Key', commentKey)
        .send({ body: 'Written on the train' });
    const first = await comment();
    const second = await comment();
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const { rows } = await api.deps.pool.query('select count(*)::int as n from comments where task_id = $1', [
      task.id,
    ]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('refuses the same key on a different request with 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const idempotencyKey = key();
    expect((await createTask(`One ${randomUUID().slice(0, 6)}`, idempotencyKey)).status).toBe(201);
    const other = await createTask('Another title', idempotencyKey);
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await tasksTitled('Another title')).toBe(0);
  });

  it('keeps keys per user: another member with the same key gets their own write', async () => {
    const idempotencyKey = key();
    const title = `Per user ${randomUUID().slice(0, 6)}`;
    const mine = await createTask(title, idempotencyKey);
    const theirs = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/tasks`)
      .set(auth(team.users.admin))
      .set('Idempotency-Key', idempotencyKey)
      .send({ title });
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });

  it('frees the key of a request that failed, so a corrected retry can use it', async () => {
    const task = (await createTask(`Stale ${randomUUID().slice(0, 6)}`)).body as { id: string };
    const idempotencyKey = key();
    const stale = await api
      .http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(team.users.member))
      .set('Idempotency-Key', idempotencyKey)
      .send({ priority: 'high', version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    const retry = await api
      .http()
      .patch(`${V1}/tasks/${task.id}`)
      .set(auth(team.users.member))
      .set('Idempotency-Key', idempotencyKey)
      .send({ priority: 'high', version: 1 });
    expect(retry.status).toBe(200);
  });

  it('keeps an answer for 24 hours', async () => {
    const idempotencyKey = key();
    const res = await createTask(`TTL ${randomUUID().slice(0, 6)}`, idempotencyKey);
    expect(res.status).toBe(201);
    const keys = await api.deps.redis.keys(`${api.deps.env.REDIS_KEY_PREFIX}idempotency:*`);
    const ttls = await Promise.all(
      keys.map((k) => api.deps.redis.ttl(k.slice(api.deps.env.REDIS_KEY_PREFIX.length))),
    );
    expect(Math.max(...ttls)).toBeGreaterThan(24 * 60 * 60 - 60);
    expect(Math.max(...ttls)).toBeLessThanOrEqual(24 * 60 * 60);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const res = await createTask('Bad key', 'short');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });
});

/** The answer cache's key for the member's Idempotency-Key (without the run's prefix, as the client adds it). */
const cacheKey = (idempotencyKey: string, userId = team.users.member.id) =>
  `idempotency:${userId}:${createHash('sha256').update(idempotencyKey).digest('hex')}`;

/** What a process that died after committing, before storing the answer, leaves in Redis. */
async function leavePending(idempotencyKey: string): Promise<void> {
  const stored = JSON.parse((await api.deps.redis.get(cacheKey(idempotencyKey)))!) as { fingerprint: string };
  await api.deps.redis.set(
    cacheKey(idempotencyKey),
    JSON.stringify({ state: 'pending', fingerprint: stored.fingerprint }),
    'EX',
    60,
  );
}

describe('Idempotency-Key on a create, when Redis does not know the answer', () => {
  it('answers a retry with the task a dead instance committed, after the short wait rather than the 60 s its reservation still claims', async () => {
    const title = `Died after commit ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    const first = await createTask(title, idempotencyKey);
    await leavePending(idempotencyKey);

    const retry = await createTask(title, idempotencyKey);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await tasksTitled(title)).toBe(1);
    expect(await outboxRowsFor(first.body.id)).toBe(1);
    // The answer is cached again: the next copy is served by Redis.
    expect(JSON.parse((await api.deps.redis.get(cacheKey(idempotencyKey)))!)).toMatchObject({
      state: 'done',
    });
  });

  it('writes the task once when a reservation is left pending by a request that wrote nothing', async () => {
    const title = `Died before commit ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    // The reservation holds the request's fingerprint: taken from a first copy on another key,
    // whose task is then removed, so nothing under this key was ever written.
    const probeKey = key();
    await createTask(title, probeKey);
    const probe = JSON.parse((await api.deps.redis.get(cacheKey(probeKey)))!) as { fingerprint: string };
    await api.deps.pool.query('delete from tasks where title = $1', [title]);
    await api.deps.redis.set(
      cacheKey(idempotencyKey),
      JSON.stringify({ state: 'pending', fingerprint: probe.fingerprint }),
      'EX',
      60,
    );

    const retry = await createTask(title, idempotencyKey);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await tasksTitled(title)).toBe(1);
  });

  it('replays a create from PostgreSQL when Redis has forgotten its key', async () => {
    const title = `Forgotten ${randomUUID().slice(0, 6)}`;
    const idempotencyKey = key();
    const first = await createTask(title, idempotencyKey);
    await api.deps.redis.del(cacheKey(idempotencyKey));

    const retry = await createTask(title, idempotencyKey);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(await tasksTitled(title)).toBe(1);
  });

  it('still refuses the key on a different create when Redis has forgotten it, and writes nothing', async () => {
    const idempotencyKey = key();
    expect((await createTask(`First ${randomUUID().slice(0, 6)}`, idempotencyKey)).status).toBe(201);
    await api.deps.redis.del(cacheKey(idempotencyKey));
    const other = `Other ${randomUUID().slice(0, 6)}`;
    const refused = await createTask(other, idempotencyKey);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await tasksTitled(other)).toBe(0);
  });

  it('replays a comment from PostgreSQL when Redis has forgotten its key', async () => {
    const idempotencyKey = key();
    const comment = () =>
      api
        .http()
        .post(`${V1}/tasks/${team.taskId}/comments`)
        .set(auth(team.users.member))
        .set('Idempotency-Key', idempotencyKey)
        .send({ body: 'Said once' });
    const first = await comment();
    expect(first.status).toBe(201);
    await api.deps.redis.del(cacheKey(idempotencyKey));
    const retry = await comment();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    const { rows } = await api.deps.pool.query(
      'select count(*)::int as n from comments where task_id = $1 and body = $2',
      [team.taskId, 'Said once'],
    );
    expect((rows[0] as { n: number }).n).toBe(1);
  });

  it("forgets a create's recorded key after 24 hours, in the maintenance cleanup", async () => {
    const oldKey = key();
    const freshKey = key();
    await createTask(`Old key ${randomUUID().slice(0, 6)}`, oldKey);
    await createTask(`Fresh key ${randomUUID().slice(0, 6)}`, freshKey);
    const hashOf = (k: string) => createHash('sha256').update(k).digest('hex');
    await api.deps.pool.query(
      "update idempotent_writes set created_at = now() - interval '25 hours' where key_hash = $1",
      [hashOf(oldKey)],
    );
    const swept = await runCleanup(
      { db: api.deps.db },
      { commentRetentionDays: 30, activityRetentionDays: 365 },
    );
    expect(swept.idempotentWrites).toBeGreaterThanOrEqual(1);
    const { rows } = await api.deps.pool.query(
      'select key_hash from idempotent_writes where key_hash = any($1)',
      [[hashOf(oldKey), hashOf(freshKey)]],
    );
    expect(rows.map((r: { key_hash: string }) => r.key_hash)).toEqual([hashOf(freshKey)]);
  });
});
