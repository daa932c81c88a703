import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { PrivateRedis } from './private-redis';

/**
 * BullMQ keeps jobs and their locks in plain keys: under an evicting `maxmemory-policy` Redis may
 * drop them when memory runs short. The api says so in its start-up log (and the worker too).
 */
let redis: PrivateRedis;
let admin: Redis;
const apis: ChildProcess[] = [];
beforeAll(async () => {
  redis = await PrivateRedis.start();
  admin = new Redis(redis.url);
});
// Here, not at the end of the test, which a failed assertion skips: a connected client (ioredis
// reconnects forever once its server is gone) or a live api process would keep jest from exiting.
afterAll(async () => {
  for (const api of apis) if (api.exitCode === null && api.signalCode === null) api.kill('SIGKILL');
  admin?.disconnect();
  await redis?.kill();
});

async function startApiAndRead(): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'server.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, REDIS_URL: redis.url, API_PORT: String(port), LOG_LEVEL: 'info' },
  });
  apis.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  // 'close', not 'exit': its output has all arrived by then.
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const deadline = Date.now() + PROCESS_START_MS;
  while (!out.includes('api listening') && Date.now() < deadline && child.exitCode === null)
    await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  // Signalled as soon as it says it listens: it shuts down cleanly all the same.
  expect({ code: await exited, out }).toEqual({ code: 0, out: expect.stringContaining('api stopped') });
  return out;
}

it(
  'warns at start-up when Redis may evict keys (maxmemory-policy other than noeviction)',
  async () => {
    await admin.config('SET', 'maxmemory-policy', 'allkeys-lru');
    const out = await startApiAndRead();
    expect(out).toContain('api listening');
    expect(out).toMatch(/maxmemory-policy is \\"allkeys-lru\\"; BullMQ needs \\"noeviction\\"/);

    await admin.config('SET', 'maxmemory-policy', 'noeviction');
    expect(await startApiAndRead()).not.toContain('maxmemory-policy');
  },
  2 * PROCESS_START_MS + 30_000,
);
