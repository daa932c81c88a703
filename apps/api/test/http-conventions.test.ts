import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@teamflow/core/platform/logger';
import { auth, createTeam, registerUser, startApi, uniqueEmail, V1, type TestApi } from './harness';
import { tag } from './route-requests';

/** The cross-cutting HTTP contract of API.md: ids, bodies, errors, CORS, headers, limits, metrics, logs. */

let api: TestApi;
beforeAll(async () => {
  api = await startApi({ METRICS_TOKEN: '' });
});
afterAll(() => api.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const expectErrorShape = (
  res: { status: number; body: { error?: unknown }; headers: Record<string, string> },
  status: number,
  code: string,
) => {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error: { code, message: expect.any(String), requestId: res.headers['x-request-id'] },
  });
};

describe('X-Request-Id', () => {
  it('is generated when the client sends none, and matches error.requestId', async () => {
    const res = await api.http().get(`${V1}/auth/me`);
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('echoes a valid incoming id', async () => {
    const res = await api.http().get('/health').set('X-Request-Id', 'edge-7f3a_1.2:b');
    expect(res.headers['x-request-id']).toBe('edge-7f3a_1.2:b');
  });

  it.each([
    ['200 characters', 'a'.repeat(200)],
    ['spaces', 'has some spaces'],
    ['header-injection characters', 'id<script>'],
  ])('replaces an incoming id with %s by a fresh one', async (_what, incoming) => {
    const res = await api.http().get('/health').set('X-Request-Id', incoming);
    expect(res.headers['x-request-id']).toMatch(UUID);
  });
});

describe('request bodies and unknown routes', () => {
  it('answers 413 PAYLOAD_TOO_LARGE for JSON over 1 MB', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .send({ email: 'a@b.test', password: 'x', pad: 'x'.repeat(1_100_000) });
    expectErrorShape(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('accepts JSON just under 1 MB (the limit is not lower than documented)', async () => {
    const user = await registerUser(api, 'big');
    const res = await api
      .http()
      .post(`${V1}/workspaces`)
      .set(auth(user))
      .send({ name: 'Big body', pad: 'x'.repeat(1_000_000) });
    expect(res.status).toBe(201);
  });

  it('answers 400 INVALID_JSON for malformed JSON', async () => {
    const res = await api
      .http()
      .post(`${V1}/auth/login`)
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.test",');
    expectErrorShape(res, 400, 'INVALID_JSON');
  });

  it.each(['42', '"a@b.test"', 'true', '[]'])(
    'answers 400 VALIDATION_ERROR for a body that is JSON but not an object (%s)',
    async (body) => {
      const res = await api
        .http()
        .post(`${V1}/auth/login`)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION_ERROR',
        details: [{ field: 'body', message: expect.stringContaining('expected object') }],
      });
    },
  );

  it.each([
    ['text/plain', 'text/plain', 'email=a@b.test'],
    ['form', 'application/x-www-form-urlencoded', 'email=a%40b.test&password=secret1'],
  ])('answers 415 UNSUPPORTED_MEDIA_TYPE for a %s body', async (_what, type, body) => {
    const res = await api.http().post(`${V1}/auth/login`).set('Content-Type', type).send(body);
    expectErrorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([`${V1}/no-such-thing`, '/not/an/api/path'])(
    'answers 404 NOT_FOUND in the error shape for %s',
    async (path) => {
      const res = await api.http().get(path);
      expectErrorShape(res, 404, 'NOT_FOUND');
    },
  );
});

describe('lists', () => {
  it('answer every list, complete ones too, as {items, nextCursor} (null when there is no next page)', async () => {
    const team = await createTeam(api);
    const { viewer, owner } = team.users;
    const sprint = await api
      .http()
      .post(`${V1}/projects/${team.projectId}/sprints`)
      .set(auth(owner))
      .send({ name: 'Listed' });
    const ws = `${V1}/workspaces/${team.workspaceId}`;
    const lists = [
      [viewer, `${V1}/workspaces`],
      [viewer, `${ws}/members`],
      [owner, `${ws}/invitations`],
      [viewer, `${ws}/projects`],
      [viewer, `${ws}/labels`],
      [viewer, `${V1}/tasks/${team.taskId}/labels`],
      [viewer, `${V1}/projects/${team.projectId}/sprints`],
      [viewer, `${ws}/search?q=task`],
      [viewer, `${V1}/projects/${team.projectId}/tasks`],
      [viewer, `${V1}/tasks/${team.taskId}/comments`],
      [viewer, `${ws}/activity`],
      [viewer, `${V1}/me/api-tokens`],
      [owner, `${ws}/webhooks`],
      [viewer, `${V1}/tasks/${team.taskId}/attachments`],
      [viewer, `${V1}/tasks/${team.taskId}/development`],
    ] as const;
    for (const [user, path] of lists) {
      const res = await api.http().get(path).set(auth(user));
      expect([path, res.status]).toEqual([path, 200]);
      expect([path, Object.keys(res.body).sort()]).toEqual([path, ['items', 'nextCursor']]);
      expect([path, res.body.nextCursor]).toEqual([path, null]);
    }
    expect(sprint.status).toBe(201);
  });
});

describe('CORS and security headers', () => {
  it('allows the web origin with credentials', async () => {
    const origin = api.deps.env.WEB_ORIGIN;
    const res = await api.http().get('/health').set('Origin', origin);
    expect(res.headers['access-control-allow-origin']).toBe(origin);
    expect(res.headers['access-control-allow-credentials']).toBe('true');
    const preflight = await api
      .http()
      .options(`${V1}/workspaces`)
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
  });

  it('gives another origin no CORS headers', async () => {
    const res = await api.http().get('/health').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await api
      .http()
      .options(`${V1}/workspaces`)
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('also allows each origin listed in CORS_ORIGINS', async () => {
    const extra = await startApi({ CORS_ORIGINS: 'https://one.example, https://two.example' });
    try {
      for (const origin of ['https://one.example', 'https://two.example', extra.deps.env.WEB_ORIGIN]) {
        expect(
          (await extra.http().get('/health').set('Origin', origin)).headers['access-control-allow-origin'],
        ).toBe(origin);
      }
      expect(
        (await extra.http().get('/health').set('Origin', 'https://three.example')).headers[
          'access-control-allow-origin'
        ],
      ).toBeUndefined();
    } finally {
      await extra.close();
    }
  });

  it('sends helmet’s security headers and no X-Powered-By', async () => {
    const res = await api.http().get('/health');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('JSON answers', () => {
  it('say application/json in UTF-8 with the exact length, and a HEAD gets the headers without the body', async () => {
    const user = await registerUser(api, 'json');
    const get = await api.http().get(`${V1}/auth/me`).set(auth(user));
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(get.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(get.body)));
    const head = await api.http().head(`${V1}/auth/me`).set(auth(user));
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.text).toBeUndefined();
  });
});

describe('rate limits', () => {
  // Own Redis prefix: no other suite's requests count against these small limits.
  const isolated = () => `${api.deps.env.REDIS_KEY_PREFIX}rl-${tag()}:`;
  // Fixed one-minute windows: do not start a burst in the last seconds of one.
  const awayFromWindowEdge = async () => {
    const s = Math.floor(Date.now() / 1000) % 60;
    if (s >= 54) await sleep((61 - s) * 1000);
  };

  it('limits the auth routes per client: the 4th login in a minute is 429 with Retry-After and RateLimit-* headers', async () => {
    const limited = await startApi({ RATE_LIMIT_AUTH_PER_MINUTE: '3', REDIS_KEY_PREFIX: isolated() });
    try {
      await awayFromWindowEdge();
      const answers = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited
          .http()
          .post(`${V1}/auth/login`)
          .send({ email: uniqueEmail('rl'), password: 'wrong-pass-1' });
        answers.push([res.status, res.headers['ratelimit-limit'], res.headers['ratelimit-remaining']]);
        if (i === 3) {
          expectErrorShape(res, 429, 'RATE_LIMIT_EXCEEDED');
          const retryAfter = Number(res.headers['retry-after']);
          expect(retryAfter).toBeGreaterThan(0);
          expect(retryAfter).toBeLessThanOrEqual(60);
          expect(Number(res.headers['ratelimit-reset'])).toBe(retryAfter);
        }
      }
      expect(answers).toEqual([
        [401, '3', '2'],
        [401, '3', '1'],
        [401, '3', '0'],
        [429, '3', '0'],
      ]);
    } finally {
      await limited.close();
    }
  }, 40_000);

  it('counts refreshes and sign-outs against the per-address limit of anonymous requests, not the sign-in limit', async () => {
    const limited = await startApi({
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
      RATE_LIMIT_DEFAULT_PER_MINUTE: '100',
      REDIS_KEY_PREFIX: isolated(),
    });
    try {
      await awayFromWindowEdge();
      // Signing up is one of the address's three sign-in attempts.
      const user = await registerUser(limited);
      // A page load refreshes: five loads in a minute (more than the sign-in limit) keep the session.
      let cookie = user.refreshCookie;
      for (let i = 0; i < 5; i++) {
        const res = await limited.http().post(`${V1}/auth/refresh`).set('Cookie', cookie);
        expect([res.status, res.headers['ratelimit-limit']]).toEqual([200, '100']);
        cookie = ([res.headers['set-cookie']].flat() as string[])
          .find((c) => c.startsWith('tf_refresh='))!
          .split(';')[0]!;
      }
      const out = await limited.http().post(`${V1}/auth/logout`).set('Cookie', cookie);
      expect([out.status, out.headers['ratelimit-limit']]).toEqual([204, '100']);
      // Sign-in attempts from the same address are still held to their own limit.
      const logins = [];
      for (let i = 0; i < 3; i++)
        logins.push(
          (
            await limited
              .http()
              .post(`${V1}/auth/login`)
              .send({ email: user.email, password: 'wrong-pass-1' })
          ).status,
        );
      expect(logins).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  }, 40_000);

  it('limits the other routes per user: one user at the limit does not limit another', async () => {
    const limited = await startApi({ RATE_LIMIT_DEFAULT_PER_MINUTE: '5', REDIS_KEY_PREFIX: isolated() });
    try {
      const a = await registerUser(limited, 'rl-a');
      const b = await registerUser(limited, 'rl-b');
      await awayFromWindowEdge();
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await limited.http().get(`${V1}/auth/me`).set(auth(a))).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      const other = await limited.http().get(`${V1}/auth/me`).set(auth(b));
      expect(other.status).toBe(200);
      expect(other.headers['ratelimit-remaining']).toBe('4');
      const stillLimited = await limited.http().get(`${V1}/auth/me`).set(auth(a));
      expectErrorShape(stillLimited, 429, 'RATE_LIMIT_EXCEEDED');
      expect(stillLimited.headers['retry-after']).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  }, 40_000);
});

describe('operations paths', () => {
  it('answers /health, /health/ready and /metrics under the base path /api/v1 as at the root', async () => {
    for (const base of ['', V1]) {
      const live = await api.http().get(`${base}/health`);
      expect([base, live.status, live.body]).toEqual([base, 200, { status: 'ok' }]);
      const ready = await api.http().get(`${base}/health/ready`);
      expect([base, ready.status, ready.body.status]).toEqual([base, 200, 'ready']);
      const metrics = await api.http().get(`${base}/metrics`);
      expect([base, metrics.status]).toEqual([base, 200]);
      expect(metrics.text).toContain('http_request_duration_seconds');
    }
    const secured = await startApi({ METRICS_TOKEN: 'metrics-token-for-tests' });
    try {
      expectErrorShape(await secured.http().get(`${V1}/metrics`), 401, 'UNAUTHORIZED');
      const ok = await secured
        .http()
        .get(`${V1}/metrics`)
        .set('Authorization', 'Bearer metrics-token-for-tests');
      expect(ok.status).toBe(200);
    } finally {
      await secured.close();
    }
  });
});

describe('/metrics', () => {
  it('exposes request durations labelled by route template, pool connections and Redis state', async () => {
    const user = await registerUser(api, 'metrics');
    const ws = await api.http().post(`${V1}/workspaces`).set(auth(user)).send({ name: 'Metrics' });
    const project = await api
      .http()
      .post(`${V1}/workspaces/${ws.body.id}/projects`)
      .set(auth(user))
      .send({ name: 'Metrics' });
    expect((await api.http().get(`${V1}/projects/${project.body.id}/tasks`).set(auth(user))).status).toBe(
      200,
    );

    const res = await api.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(
      /^http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/projects\/:projectId\/tasks"[^}]*status="200"/m,
    );
    expect(res.text).not.toContain(String(project.body.id));
    expect(res.text).toMatch(/^db_pool_connections\{state="total"\} [1-9]/m);
    expect(res.text).toMatch(/^redis_connected 1$/m);
  });

  it('with METRICS_TOKEN set, refuses /metrics without that token (401)', async () => {
    const secured = await startApi({ METRICS_TOKEN: 'metrics-token-for-tests' });
    try {
      expectErrorShape(await secured.http().get('/metrics'), 401, 'UNAUTHORIZED');
      expect((await secured.http().get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401);
      const ok = await secured.http().get('/metrics').set('Authorization', 'Bearer metrics-token-for-tests');
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('http_request_duration_seconds');
    } finally {
      await secured.close();
    }
  });
});

describe('logs', () => {
  it('never contain passwords, access tokens or refresh cookies, at info level, on success and failure', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logged = await startApi(
      { LOG_LEVEL: 'info' },
      { logger: createLogger({ level: 'info', service: 'api', stream }) },
    );
    const secrets: string[] = [];
    const cookieOf = (res: { headers: Record<string, unknown> }) =>
      ([] as string[])
        .concat((res.headers['set-cookie'] as string[] | undefined) ?? [])
        .find((c) => c.startsWith('tf_refresh='))!
        .split(';')[0]!;
    try {
      const email = uniqueEmail('logs');
      const password = `Pw-${tag()}-secret9`;
      const wrong = `Wrong-${tag()}-guess7`;
      const reg = await logged
        .http()
        .post(`${V1}/auth/register`)
        .send({ email, name: 'Log Reader', password });
      expect(reg.status).toBe(201);
      const login = await logged.http().post(`${V1}/auth/login`).send({ email, password });
      expect(login.status).toBe(200);
      const failed = await logged.http().post(`${V1}/auth/login`).send({ email, password: wrong });
      expect(failed.status).toBe(401);
      const refreshed = await logged.http().post(`${V1}/auth/refresh`).set('Cookie', cookieOf(login));
      expect(refreshed.status).toBe(200);
      const forged = `${String(login.body.accessToken).slice(0, -4)}AAAA`;
      expect((await logged.http().get(`${V1}/auth/me`).set('Authorization', `Bearer ${forged}`)).status).toBe(
        401,
      );
      expect(
        (
          await logged
            .http()
            .get(`${V1}/auth/me`)
            .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
        ).status,
      ).toBe(200);
      const weak = await logged
        .http()
        .post(`${V1}/auth/register`)
        .send({ email: uniqueEmail('logs'), name: 'W', password: 'short7' });
      expect(weak.status).toBe(400);
      secrets.push(
        password,
        wrong,
        'short7',
        reg.body.accessToken,
        login.body.accessToken,
        refreshed.body.accessToken,
        forged,
      );
      for (const res of [reg, login, refreshed]) secrets.push(cookieOf(res).slice('tf_refresh='.length));
    } finally {
      await logged.close();
    }
    await sleep(50);
    const text = lines.join('');
    // The capture works: one access line per request, with route and status.
    expect(text).toContain('"route":"/api/v1/auth/login"');
    expect(text).toContain('"status":401');
    expect(lines.filter((l) => l.includes('"message":"request"')).length).toBeGreaterThanOrEqual(7);
    expect(secrets.filter((s) => typeof s === 'string' && s.length >= 6 && text.includes(s))).toEqual([]);
    // Token signatures alone must not leak either.
    expect(secrets.filter((s) => s.split('.').length === 3 && text.includes(s.split('.')[2]!))).toEqual([]);
  });
});
