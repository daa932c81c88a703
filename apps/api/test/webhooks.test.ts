import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { createOutboxRelay } from '@teamflow/core/events/outbox-relay';
import { deliverWebhook } from '@teamflow/core/webhooks/deliver-webhook';
import { auth, createTeam, startApi, V1, type TeamFixture, type TestApi } from './harness';
import { expectPagingRefused, firstCursor, pageThrough } from './list-paging';

/**
 * Outgoing webhooks: managed per workspace, fed by the event stream (the outbox relay stages a
 * delivery per subscribed webhook), signed per Standard Webhooks and sent to a real HTTP
 * receiver on loopback that verifies the signature with the `standardwebhooks` library.
 */
let api: TestApi; // WEBHOOKS_ALLOW_PRIVATE=true: the receiver is on 127.0.0.1
let strict: TestApi; // the default: private targets refused
let team: TeamFixture;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
let received: Received[] = [];
let answers: number[] = [];
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = answers.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  api = await startApi({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
  strict = await startApi();
  team = await createTeam(api);
  // Events from before any webhook existed are published now, so each test hears only its own.
  await relayOnce();
});

afterAll(async () => {
  await api?.close();
  await strict?.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
  received = [];
  answers = [];
});

async function relayOnce() {
  const relay = createOutboxRelay(api.deps);
  while ((await relay.runOnce()) > 0);
}

async function createHook(events: string[], url = receiverUrl) {
  const res = await api
    .http()
    .post(`${V1}/workspaces/${team.workspaceId}/webhooks`)
    .set(auth(team.users.admin))
    .send({ url, events, description: 'CI' });
  expect(res.status).toBe(201);
  return res.body as { id: string; secret: string };
}

async function deliveriesOf(webhookId: string) {
  const res = await api.http().get(`${V1}/webhooks/${webhookId}/deliveries`).set(auth(team.users.owner));
  expect(res.status).toBe(200);
  return res.body.items as {
    id: string;
    event: string;
    status: string;
    attempts: number;
    responseStatus: number | null;
    durationMs: number | null;
    nextAttemptAt: string | null;
    log: { error: string | null }[];
  }[];
}

const createTask = (title: string) =>
  api.http().post(`${V1}/projects/${team.projectId}/tasks`).set(auth(team.users.member)).send({ title });

const attempt = (n: number) => ({ attempt: n, maxAttempts: 5, nextDelayMs: 30_000 * 2 ** (n - 1) });

describe('managing webhooks', () => {
  it('answers the signing secret once (whsec_ + base64) and never lists it', async () => {
    const hook = await createHook(['task.created', 'task.created', 'comment.created']);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(hook).toMatchObject({ events: ['task.created', 'comment.created'], enabled: true });
    const list = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/webhooks`)
      .set(auth(team.users.owner));
    const listed = list.body.items.find((h: { id: string }) => h.id === hook.id);
    expect(listed).toBeDefined();
    expect(listed.secret).toBeUndefined();
  });

  it('refuses an unknown event name and a URL that is not http(s) with 400', async () => {
    const post = (body: object) =>
      api.http().post(`${V1}/workspaces/${team.workspaceId}/webhooks`).set(auth(team.users.owner)).send(body);
    const unknown = await post({ url: receiverUrl, events: ['task.exploded'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0].field).toMatch(/^events/);
    expect((await post({ url: 'ftp://example.com/x', events: ['task.created'] })).status).toBe(400);
  });

  it.each([
    'http://127.0.0.1:8080/x',
    'http://localhost/x',
    'http://10.0.0.5/x',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/x',
    'http://[::ffff:192.168.0.1]/x',
  ])('refuses the private target %s with 400 unless WEBHOOKS_ALLOW_PRIVATE', async (url) => {
    const res = await strict
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/webhooks`)
      .set(auth(team.users.owner))
      .send({ url, events: ['task.created'] });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'url', message: expect.stringMatching(/private/) }]);
  });

  it('refuses a PATCH that changes nothing with 400 VALIDATION_ERROR, and leaves the webhook as it was', async () => {
    const hook = await createHook(['task.created']);
    const patch = (body: unknown) =>
      api
        .http()
        .patch(`${V1}/webhooks/${hook.id}`)
        .set(auth(team.users.owner))
        .send(body as object);
    for (const body of [{}, { unknown: 1 }]) {
      const res = await patch(body);
      expect({ status: res.status, body: res.body }).toEqual({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: expect.any(String),
            details: [{ field: 'body', message: 'Nothing to update' }],
            requestId: res.headers['x-request-id'],
          },
        },
      });
    }
    const list = await api
      .http()
      .get(`${V1}/workspaces/${team.workspaceId}/webhooks`)
      .set(auth(team.users.owner));
    expect(list.body.items.find((h: { id: string }) => h.id === hook.id)).toMatchObject({
      events: ['task.created'],
      enabled: true,
      description: 'CI',
    });
  });

  it('lets owners and admins manage webhooks, not members (403) nor strangers (404)', async () => {
    const body = { url: receiverUrl, events: ['task.created'] };
    const as = (who: keyof TeamFixture['users']) =>
      api.http().post(`${V1}/workspaces/${team.workspaceId}/webhooks`).set(auth(team.users[who])).send(body);
    expect((await as('member')).status).toBe(403);
    expect((await as('viewer')).status).toBe(403);
    expect((await as('stranger')).status).toBe(404);
    const hook = await createHook(['task.created']);
    const patch = await api
      .http()
      .patch(`${V1}/webhooks/${hook.id}`)
      .set(auth(team.users.member))
      .send({ enabled: false });
    expect(patch.status).toBe(403);
    const disabled = await api
      .http()
      .patch(`${V1}/webhooks/${hook.id}`)
      .set(auth(team.users.owner))
      .send({ enabled: false, events: ['task.moved'] });
    expect(disabled.body).toMatchObject({ enabled: false, events: ['task.moved'] });
    expect((await api.http().delete(`${V1}/webhooks/${hook.id}`).set(auth(team.users.admin))).status).toBe(
      204,
    );
    expect(
      (await api.http().get(`${V1}/webhooks/${hook.id}/deliveries`).set(auth(team.users.owner))).status,
    ).toBe(404);
  });
});

describe('listing webhooks', () => {
  it('pages oldest first with ?limit= and ?cursor=: every webhook once, the last page without a cursor', async () => {
    const fresh = await createTeam(api);
    // The new team's own events go out before its webhooks exist, so no other test hears them.
    await relayOnce();
    const hooks = `${V1}/workspaces/${fresh.workspaceId}/webhooks`;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api
        .http()
        .post(hooks)
        .set(auth(fresh.users.admin))
        .send({ url: receiverUrl, events: ['decision.updated'], description: `hook ${i}` });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    // Two made at the same instant (ties go by id), one a microsecond later: the cursor keeps microseconds.
    await api.deps.pool.query(
      `update webhooks set created_at = case when id = $3 then '2026-01-01T00:00:00.000201Z'::timestamptz
                                             else '2026-01-01T00:00:00.000200Z'::timestamptz end
        where id in ($1, $2, $3)`,
      [made[3], made[4], made[0]],
    );
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from webhooks where workspace_id = $1 order by created_at, id',
      [fresh.workspaceId],
    );
    const order = rows.map((r) => r.id);
    expect([...order].sort()).toEqual([...made].sort());
    const all = await api.http().get(hooks).set(auth(fresh.users.owner));
    expect(all.body.items.map((h: { id: string }) => h.id)).toEqual(order);
    expect(all.body.nextCursor).toBeNull();
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ id: string }>(api, fresh.users.owner, hooks, limit);
      expect(pages.flatMap((p) => p.items.map((h) => h.id))).toEqual(order);
      expect(pages).toHaveLength(Math.ceil(5 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // Members page by (joined, id): a cursor of the same shape that is still not this list's.
    const members = await api
      .http()
      .get(`${V1}/workspaces/${fresh.workspaceId}/members?limit=1`)
      .set(auth(fresh.users.owner));
    await expectPagingRefused(api, fresh.users.owner, hooks, members.body.nextCursor);
  });
});

describe('listing deliveries', () => {
  it("pages a webhook's deliveries newest first with ?limit= and ?cursor=, each once; another list's cursor is a 400", async () => {
    const hook = await createHook(['task.created']);
    for (let i = 0; i < 5; i++) expect((await createTask(`Delivered ${i}`)).status).toBe(201);
    // Staged by one relay pass, in one transaction, they may share created_at: ties go by id.
    await relayOnce();
    const { rows } = await api.deps.pool.query<{ id: string }>(
      'select id from webhook_deliveries where webhook_id = $1 order by created_at desc, id desc',
      [hook.id],
    );
    expect(rows).toHaveLength(5);
    const path = `${V1}/webhooks/${hook.id}/deliveries`;
    for (const limit of [1, 2, 4]) {
      const pages = await pageThrough<{ id: string }>(api, team.users.owner, path, limit);
      expect(pages.flatMap((p) => p.items.map((d) => d.id))).toEqual(rows.map((r) => r.id));
      expect(pages).toHaveLength(Math.ceil(5 / limit));
      expect(pages.at(-1)!.nextCursor).toBeNull();
    }
    // Tasks sorted by creation page by (createdAt, id) too: a cursor of the same shape that is
    // still not this list's.
    const tasks = await firstCursor(
      api,
      team.users.owner,
      `${V1}/projects/${team.projectId}/tasks?sort=createdAt`,
    );
    await expectPagingRefused(api, team.users.owner, path, tasks);
  });
});

describe('deliveries', () => {
  it('sends a subscribed event as {type, timestamp, data} with a Standard Webhooks signature the receiver verifies', async () => {
    const hook = await createHook(['task.created']);
    const task = await createTask('Ship the webhook');
    await relayOnce();
    const [pending] = await deliveriesOf(hook.id);
    expect(pending).toMatchObject({ event: 'task.created', status: 'pending', attempts: 0 });
    const staged = await api.deps.pool.query(
      `select 1 from job_outbox where name = 'deliver-webhook' and payload->>'deliveryId' = $1`,
      [pending!.id],
    );
    expect(staged.rowCount).toBe(1);

    expect(await deliverWebhook(api.deps, pending!.id, attempt(1))).toBe('succeeded');
    const mine = received.filter((r) => r.headers['webhook-id'] === pending!.id);
    expect(mine).toHaveLength(1);
    const { headers, body } = mine[0]!;
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const verified = new StandardWebhook(hook.secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    }) as { type: string; timestamp: string; data: { id: string; title: string } };
    expect(verified).toMatchObject({
      type: 'task.created',
      data: { id: task.body.id, title: 'Ship the webhook' },
    });
    expect(Object.keys(verified).sort()).toEqual(['data', 'timestamp', 'type']);
    // A different secret does not verify: the signature is over these bytes with this key.
    expect(() =>
      new StandardWebhook(`whsec_${Buffer.from('someone else entirely!!').toString('base64')}`).verify(body, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      }),
    ).toThrow();

    const [done] = await deliveriesOf(hook.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      responseStatus: 200,
      nextAttemptAt: null,
    });
    expect(done!.durationMs).toEqual(expect.any(Number));
    // Settled: a duplicate job does nothing.
    expect(await deliverWebhook(api.deps, pending!.id, attempt(2))).toBe('skipped');
  });

  it('sends a posted check-in as status_update.posted without its mood, and a decision as decision.updated', async () => {
    const hook = await createHook(['status_update.posted', 'decision.updated']);
    const update = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/status-updates`)
      .set(auth(team.users.member))
      .send({ date: '2031-07-01', done: 'Wired the hooks', doing: 'Docs', mood: 1 });
    expect(update.status).toBe(201);
    const decision = await api
      .http()
      .post(`${V1}/workspaces/${team.workspaceId}/decisions`)
      .set(auth(team.users.member))
      .send({ title: 'Sign webhooks', context: 'Receivers verify', decision: 'Standard Webhooks' });
    expect(decision.status).toBe(201);
    await relayOnce();
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries.map((d) => d.event).sort()).toEqual(['decision.updated', 'status_update.posted']);
    for (const d of deliveries) expect(await deliverWebhook(api.deps, d.id, attempt(1))).toBe('succeeded');
    const bodies = received.map((r) => JSON.parse(r.body) as { type: string; data: Record<string, unknown> });
    const posted = bodies.find((b) => b.type === 'status_update.posted')!;
    expect(posted.data).toMatchObject({ id: update.body.id, done: 'Wired the hooks' });
    expect(posted.data).not.toHaveProperty('mood');
    expect(bodies.find((b) => b.type === 'decision.updated')!.data).toMatchObject({ id: decision.body.id });
  });

  it('stages nothing for events a webhook did not subscribe to, or while it is disabled', async () => {
    const hook = await createHook(['comment.created']);
    const off = await createHook(['task.created']);
    await api.http().patch(`${V1}/webhooks/${off.id}`).set(auth(team.users.owner)).send({ enabled: false });
    await createTask('Nobody hears this');
    await relayOnce();
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);
  });

  it('logs each failed attempt with its status, retries with backoff, and marks the delivery failed after the fifth', async () => {
    const hook = await createHook(['task.created']);
    await createTask('Receiver is down');
    await relayOnce();
    const [delivery] = await deliveriesOf(hook.id);
    answers = [500, 503, 500, 502, 500];
    for (let n = 1; n <= 4; n++) {
      await expect(deliverWebhook(api.deps, delivery!.id, attempt(n))).rejects.toThrow(/answered 5\d\d/);
      const [now] = await deliveriesOf(hook.id);
      expect(now).toMatchObject({ status: 'pending', attempts: n });
      const wait = new Date(now!.nextAttemptAt!).getTime() - Date.now();
      // Exponential: 30 s, 1 min, 2 min, 4 min.
      expect(wait).toBeGreaterThan(30_000 * 2 ** (n - 1) - 5_000);
      expect(wait).toBeLessThanOrEqual(30_000 * 2 ** (n - 1));
    }
    expect(await deliverWebhook(api.deps, delivery!.id, attempt(5))).toBe('failed');
    const [failed] = await deliveriesOf(hook.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 5, responseStatus: 500, nextAttemptAt: null });
    expect(failed!.log.map((l) => l.error)).toEqual([
      'HTTP 500',
      'HTTP 503',
      'HTTP 500',
      'HTTP 502',
      'HTTP 500',
    ]);

    // Redeliver: 202, pending again with a job staged; the receiver is back.
    const again = await api
      .http()
      .post(`${V1}/webhooks/${hook.id}/deliveries/${delivery!.id}/redeliver`)
      .set(auth(team.users.admin));
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ id: delivery!.id, status: 'pending' });
    expect(await deliverWebhook(api.deps, delivery!.id, attempt(1))).toBe('succeeded');
    const [redelivered] = await deliveriesOf(hook.id);
    expect(redelivered).toMatchObject({ status: 'succeeded', attempts: 6, responseStatus: 200 });
  });

  it('refuses to deliver to an address that is private at delivery time (checked after DNS)', async () => {
    // Saved while private targets were allowed; the deployment now refuses them.
    const hook = await createHook(['task.created'], receiverUrl.replace('127.0.0.1', 'localhost'));
    await createTask('Rebinding attempt');
    await relayOnce();
    const [delivery] = await deliveriesOf(hook.id);
    await expect(deliverWebhook(strict.deps, delivery!.id, attempt(1))).rejects.toThrow(/private/);
    expect(received).toEqual([]);
    const [logged] = await deliveriesOf(hook.id);
    expect(logged!.log[0]!.error).toMatch(/private address/);
  });

  it('answers 404 for a delivery of another webhook', async () => {
    const a = await createHook(['task.created']);
    const b = await createHook(['task.created']);
    await createTask('Two hooks');
    await relayOnce();
    const [ofA] = await deliveriesOf(a.id);
    const res = await api
      .http()
      .post(`${V1}/webhooks/${b.id}/deliveries/${ofA!.id}/redeliver`)
      .set(auth(team.users.owner));
    expect(res.status).toBe(404);
  });
});
