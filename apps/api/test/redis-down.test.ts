import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { auth, registerUser, startApi, V1, type TestApi, type TestUser } from './harness';

/**
 * Redis going away must degrade the api, not kill it: readiness says so, requests that need
 * Redis get a clear 503, liveness stays green, and the api heals by itself when Redis returns.
 * The api talks to a private redis-server child that this suite kills and restarts.
 */

let port: number;
let redis: ChildProcess | undefined;
let api: TestApi | undefined;
let user: TestUser;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** One raw PING, so the probe does not depend on the client under test. */
function pingRedis(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        resolve(reply.startsWith('+PONG'));
      }
    });
  });
}

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

async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  let spawnError: Error | undefined;
  child.on('error', (error) => {
    spawnError = error;
  });
  redis = child;
  await until(
    'redis-server to answer PING',
    async () => {
      if (spawnError) throw new Error(`cannot start redis-server: ${spawnError.message}`);
      return pingRedis();
    },
    Boolean,
  );
}

async function killRedis(): Promise<void> {
  const child = redis;
  redis = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

const ready = () => api!.http().get('/health/ready');
const me = () => api!.http().get(`${V1}/auth/me`).set(auth(user));

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  api = await startApi({ REDIS_URL: `redis://127.0.0.1:${port}` });
  user = await registerUser(api, 'redis-down');
});

afterAll(async () => {
  await api?.close();
  await killRedis();
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
    await killRedis();
    expect(await pingRedis()).toBe(false);
    const res = await until('readiness to fail', ready, (r) => r.status === 503);
    expect(res.body).toEqual({
      status: 'unavailable',
      checks: { database: 'up', redis: 'down', storage: 'not_configured' },
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
    await startRedis();
    const res = await until('readiness to recover', ready, (r) => r.status === 200, 20_000);
    expect(res.body.checks).toMatchObject({ database: 'up', redis: 'up' });
    const after = await until('an authenticated request to work again', me, (r) => r.status === 200, 5_000);
    expect(after.body.user.id).toBe(user.id);
  }, 40_000);
});
