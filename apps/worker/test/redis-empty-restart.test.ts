import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { Redis } from 'ioredis';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
// The one private redis-server helper (kill / restart on the same port), shared with the api's fault tests.
import { freePort } from '@teamflow/local-services';
import { PrivateRedis } from '../../api/test/private-redis';
import { effectJob, effectLedger } from './fixtures/effect-job';
import { isolatedSuite, quietLogger, recoveryFigure, until } from './support';

/**
 * The drill of issue 20, on a Redis that keeps nothing on disk (like this machine's, and many hosted
 * ones): jobs staged in PostgreSQL, enqueued, and running when Redis dies without saving; more
 * staged while it is down; Redis started again EMPTY on the same port. Nobody restarts the worker.
 * The job outbox (PostgreSQL) still knows every job that has not finished; the worker's supervisor
 * sees a new Redis run id, re-adds what the old server took with it, and the job relay moves what
 * was staged meanwhile. Each job's effect lands exactly once.
 */

let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let redis: PrivateRedis;
let queues: Queues;
let relay: JobRelay;
let healthPort: number;
let worker: ChildProcessWithoutNullStreams | undefined;
const out = { text: '' };

beforeAll(async () => {
  suite = await isolatedSuite('redis_empty');
  redis = await PrivateRedis.start();
  queues = createQueues(redis.url, suite.env.REDIS_KEY_PREFIX);
  await suite.db.pool.query(
    'create table if not exists job_effects (job_id text primary key, runs int not null default 0)',
  );
  relay = createJobRelay({ db: suite.db.db, logger: quietLogger() }, queues, {
    jobs: [effectJob],
    idleMs: 100,
    maxBackoffMs: 500,
    enqueueTimeoutMs: 1000,
  });
  healthPort = await freePort();
  worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'effect-worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: suite.env.DATABASE_URL,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: suite.env.REDIS_KEY_PREFIX,
      WORKER_HEALTH_PORT: String(healthPort),
    },
  });
  worker.stdout.on('data', (d: Buffer) => (out.text += d.toString()));
  worker.stderr.on('data', (d: Buffer) => (out.text += d.toString()));
  await until(() => out.text.includes('effect worker ready'), PROCESS_START_MS, 'the worker');
  relay.start();
}, PROCESS_START_MS + 40_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await relay?.stop();
  await closeQueues(queues).catch(() => undefined);
  await redis?.kill();
  await suite?.db.close();
  await suite?.drop();
});

const stage = (count: number, holdMs: number) => effectLedger(suite).stage(count, holdMs);
const states = (ids: number[]) => effectLedger(suite).states(ids);
const runsOf = (ids: number[]) => effectLedger(suite).runsOf(ids);

async function ready(): Promise<{
  status: number;
  body: { checks: Record<string, string>; lastCheckAt: string | null };
}> {
  const res = await fetch(`http://127.0.0.1:${healthPort}/health/ready`);
  return {
    status: res.status,
    body: (await res.json()) as { checks: Record<string, string>; lastCheckAt: string | null },
  };
}

/** Every job scheduler the worker registers: its own schedule and the job reconciler's sweep. */
async function schedulersRestored(): Promise<boolean> {
  const keys = [
    ...(await queues.integrations.getJobSchedulers()),
    ...(await queues.maintenance.getJobSchedulers()),
  ].map((s) => s.key);
  return keys.sort().join() === 'effect-yearly,reconcile-jobs';
}

it('runs every staged, enqueued and running job exactly once after Redis restarts empty, without restarting the worker', async () => {
  // Enqueued and running: concurrency 5, so five run (for 2 s) and the rest wait in Redis.
  const enqueued = await stage(12, 2000);
  await until(async () => (await states(enqueued)).every((r) => r.state !== 'staged'), 10_000, 'the relay');
  await until(() => (out.text.match(/started outbox-/g) ?? []).length >= 5, 10_000, 'jobs to start');
  expect((await ready()).status).toBe(200);

  await redis.kill(); // no save: everything Redis held is gone
  // Staged while Redis is away: they wait in PostgreSQL.
  const stagedMeanwhile = await stage(6, 10);
  await until(async () => (await ready()).status === 503, 5_000, 'the worker to say it is not ready');
  await new Promise((r) => setTimeout(r, 3000));
  await redis.restart();
  const answeredAt = Date.now();
  // The job schedulers lived in the Redis that was lost; the supervisor registers them again.
  await until(schedulersRestored, 5_000, 'the job schedulers to be registered again');
  recoveryFigure('empty restart: schedulers back', Date.now() - answeredAt);

  const all = [...enqueued, ...stagedMeanwhile];
  await until(async () => (await states(all)).every((r) => r.state === 'done'), 30_000, 'every job done');
  const recoveredMs = Date.now() - answeredAt;
  recoveryFigure('empty restart: every lost job done', recoveredMs);

  const runs = await runsOf(all);
  expect([...runs.values()]).toHaveLength(all.length);
  for (const id of all) expect(runs.get(`outbox-${id}`)).toBe(1);
  // Some jobs only ran because the reconciler added them again.
  expect((await states(enqueued)).some((r) => r.requeues > 0)).toBe(true);
  expect(worker!.exitCode).toBeNull();
  expect(await schedulersRestored()).toBe(true);
  expect(out.text).not.toMatch(/effect worker ready[\s\S]*effect worker ready/);
  await until(async () => (await ready()).status === 200, 5_000, 'the worker to be ready again');
  expect(recoveredMs).toBeLessThan(30_000);
}, 90_000);

it('takes a new job within 5 s of a restarted, empty Redis answering', async () => {
  await redis.kill();
  await new Promise((r) => setTimeout(r, 2000));
  await redis.restart();
  const answeredAt = Date.now();
  const [id] = await stage(1, 10);
  await until(() => out.text.includes(`started outbox-${id} `), 5_000, 'the new job to start');
  const tookMs = Date.now() - answeredAt;
  recoveryFigure('empty restart: new job taken', tookMs);
  expect(tookMs).toBeLessThan(5_000);
  expect((await runsOf([id!])).get(`outbox-${id}`)).toBe(1);
  expect(worker!.exitCode).toBeNull();
}, 30_000);

it('restores the job schedulers and runs the lost jobs exactly once when Redis loses its data without restarting (FLUSHALL)', async () => {
  // The supervisor is done with the previous test's restart: a whole check ended after this point.
  const from = Date.now();
  await until(
    async () => {
      const { status, body } = await ready();
      return status === 200 && body.lastCheckAt !== null && Date.parse(body.lastCheckAt) > from;
    },
    10_000,
    'a full supervisor check',
  );
  // Five run (2 s each) and the rest wait in Redis when its data goes.
  const jobs = await stage(10, 2000);
  await until(async () => (await states(jobs)).every((r) => r.state !== 'staged'), 10_000, 'the relay');
  await until(async () => (await queues.integrations.getWaitingCount()) > 0, 10_000, 'jobs waiting');
  const direct = new Redis(redis.url);
  try {
    await direct.flushall();
  } finally {
    direct.disconnect();
  }
  const flushedAt = Date.now();
  // Same server, same run id, no lost connection: the missing scheduler is what says the data is gone.
  await until(schedulersRestored, 5_000, 'the job schedulers to be registered again');
  recoveryFigure('flushall: schedulers back', Date.now() - flushedAt);
  await until(async () => (await states(jobs)).every((r) => r.state === 'done'), 30_000, 'every job done');
  recoveryFigure('flushall: every lost job done', Date.now() - flushedAt);
  const runs = await runsOf(jobs);
  for (const id of jobs) expect(runs.get(`outbox-${id}`)).toBe(1);
  expect((await states(jobs)).some((r) => r.requeues > 0)).toBe(true);
  expect(worker!.exitCode).toBeNull();
}, 60_000);
