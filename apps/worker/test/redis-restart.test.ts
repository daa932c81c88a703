import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
// The one private redis-server helper (kill / restart on the same port), shared with the api's fault tests.
import { PrivateRedis } from '../../api/test/private-redis';
import { effectJob } from './fixtures/effect-job';
import { openDb, suiteEnv, until } from './support';

/**
 * Redis restarted under a running worker process. The private redis-server runs WITH persistence
 * (append-only file, fsync always, in a temp dir): jobs queued straight into BullMQ before the
 * restart survive it, and the worker reconnects by itself and runs them and the jobs enqueued
 * after, each effect once. A Redis WITHOUT persistence loses what it held; jobs staged through the
 * job outbox survive that too (redis-empty-restart.test.ts), jobs added straight to BullMQ do not.
 */

const env = suiteEnv();
const db = openDb(env.DATABASE_URL);
const dir = mkdtempSync(join(tmpdir(), 'tf-redis-aof-'));
let redis: PrivateRedis;
let queues: Queues;
let worker: ChildProcessWithoutNullStreams | undefined;
const out = { text: '' };

beforeAll(async () => {
  redis = await PrivateRedis.start({ persistDir: dir });
  queues = createQueues(redis.url, env.REDIS_KEY_PREFIX);
  await db.pool.query(
    'create table if not exists job_effects (job_id text primary key, runs int not null default 0)',
  );
});
afterAll(async () => {
  if (worker && worker.exitCode === null) worker.kill('SIGKILL');
  await closeQueues(queues).catch(() => undefined);
  await redis.kill();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ranOnce = async (jobId: string) =>
  (await db.pool.query('select runs from job_effects where job_id = $1', [jobId])).rows[0]?.runs === 1;

/** The producer fails fast while Redis is away; once it is back, the add goes through. */
async function enqueueWhenUp(delayMs = 0): Promise<string> {
  let id: string | undefined;
  await until(
    async () => {
      // Ids of our own: job_effects is shared with faults.test.ts, whose job ids are 1, 2, …
      id = await enqueue(
        queues,
        effectJob,
        { holdMs: 10 },
        { delayMs, jobId: `restart-${randomUUID()}` },
      ).catch(() => undefined);
      return id !== undefined;
    },
    15_000,
    'an enqueue to succeed',
  );
  return id!;
}

it(
  'reconnects by itself after its Redis is killed and restarted on the same port, and loses no queued job',
  async () => {
    worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'effect-worker.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: env.DATABASE_URL,
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
      },
    });
    worker.stdout.on('data', (d: Buffer) => (out.text += d.toString()));
    worker.stderr.on('data', (d: Buffer) => (out.text += d.toString()));
    await until(() => out.text.includes('effect worker ready'), PROCESS_START_MS, 'the worker');

    const before = await enqueueWhenUp();
    // Its effect lands as the handler starts; BullMQ records the job completed only after it returns.
    // Killed in between, Redis keeps it active (the AOF has it), it stalls and runs a second time:
    // wait for BullMQ's own completed state before the kill.
    await until(
      async () => (await queues.integrations.getJobState(before)) === 'completed',
      15_000,
      'a job before the restart to complete',
    );
    expect(await ranOnce(before)).toBe(true);

    // Queued but not yet due when Redis dies: only the append-only file keeps them.
    const queued = [await enqueueWhenUp(2500), await enqueueWhenUp(2500)];
    await redis.kill();
    expect(await redis.ping()).toBe(false);
    await new Promise((r) => setTimeout(r, 1500));
    await redis.restart();

    const after = await enqueueWhenUp();
    for (const id of [...queued, after])
      await until(() => ranOnce(id), 30_000, `job ${id} after the restart`);
    expect(worker.exitCode).toBeNull();

    const rows = (
      await db.pool.query<{ job_id: string; runs: number }>(
        'select job_id, runs from job_effects where job_id = any($1) order by job_id',
        [[before, ...queued, after]],
      )
    ).rows;
    expect(rows).toHaveLength(4);
    for (const row of rows) expect(row.runs).toBe(1);
  },
  PROCESS_START_MS + 30_000,
);
