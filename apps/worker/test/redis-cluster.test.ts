import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startRedisCluster, type LocalRedisCluster } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { createJobRelay, type JobRelay } from '@teamflow/core/jobs/job-relay';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { effectJob, effectLedger } from './fixtures/effect-job';
import { isolatedSuite, quietLogger, recoveryFigure, until } from './support';

/**
 * The job path on a Redis Cluster (three primaries with a replica each, REDIS_CLUSTER_NODES): the
 * relay adds staged jobs to BullMQ, a worker process (main.ts's wiring: supervisor, reconciler)
 * runs them, and when the primary holding the queues dies its replica takes over and no job is
 * lost or run twice.
 */
let cluster: LocalRedisCluster;
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let queues: Queues;
let relay: JobRelay;
let worker: ChildProcessWithoutNullStreams;
const out = { text: '' };

beforeAll(async () => {
  cluster = await startRedisCluster();
  suite = await isolatedSuite('cluster');
  const nodes = cluster.seeds;
  queues = createQueues(suite.env.REDIS_URL, suite.env.REDIS_KEY_PREFIX, nodes);
  await suite.db.pool.query(
    'create table if not exists job_effects (job_id text primary key, runs int not null default 0)',
  );
  relay = createJobRelay({ db: suite.db.db, logger: quietLogger() }, queues, {
    jobs: [effectJob],
    idleMs: 100,
    maxBackoffMs: 500,
    enqueueTimeoutMs: 1000,
  });
  worker = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'effect-worker.ts')], {
    env: {
      ...process.env,
      DATABASE_URL: suite.env.DATABASE_URL,
      REDIS_KEY_PREFIX: suite.env.REDIS_KEY_PREFIX,
      REDIS_CLUSTER_NODES: cluster.env.REDIS_CLUSTER_NODES,
    },
  });
  worker.stdout.on('data', (d: Buffer) => (out.text += d.toString()));
  worker.stderr.on('data', (d: Buffer) => (out.text += d.toString()));
  await until(() => out.text.includes('effect worker ready'), PROCESS_START_MS, 'the worker');
  relay.start();
}, PROCESS_START_MS + 60_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = once(worker, 'exit');
    worker.kill('SIGKILL');
    await exited;
  }
  await relay?.stop();
  if (queues) await closeQueues(queues).catch(() => undefined);
  await cluster?.close();
  await suite?.db.close();
  await suite?.drop();
});

const ledger = () => effectLedger(suite);

async function expectEachDoneOnce(ids: number[]) {
  await until(async () => (await ledger().states(ids)).every((r) => r.state === 'done'), 30_000, 'jobs done');
  const runs = await ledger().runsOf(ids);
  expect([...runs.values()]).toEqual(ids.map(() => 1));
}

it('runs staged jobs on the cluster, each once, with their results in BullMQ under a hash-tagged prefix', async () => {
  const ids = await ledger().stage(3, 10);
  await expectEachDoneOnce(ids);
  const queue = queues[effectJob.queue];
  // Every key of every queue shares the `{prefix bull}` hash tag, so BullMQ's scripts stay in one slot.
  expect(queue.qualifiedName).toBe(`{${suite.env.REDIS_KEY_PREFIX}bull}:${effectJob.queue}`);
  for (const id of ids) {
    // The handler marks its outbox row done inside the job; BullMQ stores the return value only
    // after the handler returns, so wait for BullMQ's own completed state before reading it.
    await until(
      async () => (await queue.getJobState(`outbox-${id}`)) === 'completed',
      30_000,
      'BullMQ completed',
    );
    const job = await queue.getJob(`outbox-${id}`);
    expect(job?.returnvalue).toEqual({ pid: worker.pid });
  }
}, 60_000);

it('loses no job when the primary holding the queues is killed: its replica takes over and jobs staged before and after run once', async () => {
  const before = await ledger().stage(3, 300);
  await until(() => (out.text.match(/started outbox-/g) ?? []).length >= 4, 20_000, 'a job to start');
  const failover = await cluster.killPrimary({ key: `{${suite.env.REDIS_KEY_PREFIX}bull}` });
  recoveryFigure('redis cluster failover (primary killed → replica serving)', failover.failoverMs);
  const after = await ledger().stage(3, 10);
  const since = Date.now();
  await expectEachDoneOnce([...before, ...after]);
  recoveryFigure('redis cluster: jobs staged after the failover done', Date.now() - since);
  expect(failover.promoted.port).not.toBe(failover.killed.port);
  expect(worker.exitCode).toBeNull();
}, 90_000);
