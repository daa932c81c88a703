import { setTimeout as sleep } from 'node:timers/promises';
import { auth, registerUser, startApi, V1, type TestApi, type TestUser } from './harness';
import { PrivateRedis } from './private-redis';

/**
 * Redis going away must degrade the api, not kill it: readiness says so, requests that need
 * Redis get a clear 503, liveness stays green, and the api heals by itself when Redis returns.
 * The api talks to a private redis-server child that this suite kills and restarts.
 */

let redis: PrivateRedis;
let api: TestApi | undefined;
let user: TestUser;

/** Polls `probe` until `ok`, for at most `timeoutMs`. */
async function until<T>(
  what: string,
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await probe();
    if (ok(last)) return last;
    await sleep(100);
  } while (Date.now() < deadline);
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const ready = () => api!.http().get('/health/ready');
const me = () => api!.http().get(`${V1}/auth/me`).set(auth(user));

beforeAll(async () => {
  redis = await PrivateRedis.start();
  api = await startApi({ REDIS_URL: redis.url });
  user = await registerUser(api, 'redis-down');
});

afterAll(async () => {
  await api?.close();
  await redis.kill();
});

// One story, in order: up → down → back up.
describe('when its Redis goes away and comes back', () => {
  it('is ready and serves authenticated requests while Redis is up', async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.body.checks).toMatchObject({ database: 'up', redis: 'up' });
    expect((await me()).status).toBe(200);
  });

  it('reports not ready (503, checks.redis down, database still up) once Redis is killed', async () => {
    await redis.kill();
    expect(await redis.ping()).toBe(false);
    const res = await until('readiness to fail', ready, (r) => r.status === 503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { database: 'up', redis: 'down', storage: 'up' },
    });
  });

  it('answers an authenticated request with 503 SERVICE_UNAVAILABLE naming Redis, in the error shape', async () => {
    const res = await me();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: expect.stringMatching(/Redis/),
        requestId: res.headers['x-request-id'],
      },
    });
  });

  it('stays alive: liveness is 200 and routes that do not need Redis still answer', async () => {
    const live = await api!.http().get('/health');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok' });
    expect((await api!.http().get(`${V1}/openapi.json`)).status).toBe(200);
    const metrics = await api!.http().get('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.text).toMatch(/^redis_connected 0$/m);
  });

  it('recovers by itself when Redis is back on the same port: ready again and requests work', async () => {
    await redis.restart();
    const res = await until('readiness to recover', ready, (r) => r.status === 200, 20_000);
    expect(res.body.checks).toMatchObject({ database: 'up', redis: 'up' });
    const after = await until('an authenticated request to work again', me, (r) => r.status === 200, 5_000);
    expect(after.body.user.id).toBe(user.id);
  }, 40_000);
});
