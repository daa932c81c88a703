import { UnrecoverableError } from 'bullmq';
import { createRedis, type Redis } from '@teamflow/core/platform/redis';
import { reconcileStagedJobs } from '@teamflow/core/jobs/job-reconciler';
import { stagedJobOptions } from '@teamflow/core/jobs/job-relay';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { RECONCILE_SCHEDULE, registerSchedules } from '@teamflow/queue/schedules';
import { register, startWorkers, type Runtime } from '../src/runtime';
import { startSupervisor, type Supervisor } from '../src/supervisor';
import { effectJob } from './fixtures/effect-job';
import { isolatedSuite, quietLogger, until } from './support';

let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let queues: Queues;
let redis: Redis;
const ran: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  suite = await isolatedSuite('supervisor');
  queues = createQueues(suite.env.REDIS_URL, suite.env.REDIS_KEY_PREFIX);
  redis = createRedis(suite.env.REDIS_URL, { keyPrefix: suite.env.REDIS_KEY_PREFIX });
  await redis.connect();
}, 30_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  await queues.integrations.obliterate({ force: true }).catch(() => undefined);
  await queues.maintenance.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  redis.disconnect();
  await suite.db.close();
  await suite.drop();
});

function effectRuntime(options: { db?: boolean } = {}): Runtime {
  const runtime = startWorkers({
    redisUrl: suite.env.REDIS_URL,
    redisKeyPrefix: suite.env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    concurrency: 2,
    ...(options.db ? { db: suite.db.db } : {}),
    registrations: [
      register(effectJob, async ({ holdMs }, { job }) => {
        if (holdMs < 0) throw new UnrecoverableError('this one fails');
        ran.push(job.id!);

        await new Promise((r) => setTimeout(r, holdMs));
      }),
    ],
  });
  cleanups.push(() => runtime.close(5000));
  return runtime;
}

async function outboxRow(
  state: string,
  enqueuedSecondsAgo: number,
  payload = '{"holdMs": 1}',
): Promise<number> {
  const { rows } = await suite.db.pool.query<{ id: string; created_at: Date }>(
    `insert into job_outbox (queue, name, payload, state, enqueued_at)
     values ('integrations', 'effect', $3, $1, now() - make_interval(secs => $2)) returning id, created_at`,
    [state, enqueuedSecondsAgo, payload],
  );
  stagedAt.set(Number(rows[0]!.id), rows[0]!.created_at);
  return Number(rows[0]!.id);
}
const stagedAt = new Map<number, Date>();
/** Adds the row's job as the job relay does: its id, stamped with the row's staging time. */
const addAsRelay = (id: number, holdMs: number, extra: { delayMs?: number } = {}) =>
  enqueue(
    queues,
    effectJob,
    { holdMs },
    { ...stagedJobOptions({ id, createdAt: stagedAt.get(id)! }), ...extra },
  );

const rowOf = async (id: number) =>
  (
    await suite.db.pool.query<{ state: string; requeues: number }>(
      'select state, requeues from job_outbox where id = $1',
      [id],
    )
  ).rows[0]!;

/** Waits until BullMQ holds one row's job completed and another's failed. */
const untilFinished = ({ completed, failed }: { completed: number; failed: number }) =>
  until(
    async () =>
      (await queues.integrations.getJobState(`outbox-${completed}`)) === 'completed' &&
      (await queues.integrations.getJobState(`outbox-${failed}`)) === 'failed',
    10_000,
    'one job to complete and one to fail',
  );

describe('job reconciler', () => {
  it('re-adds enqueued jobs BullMQ no longer has, settles those it finished or that can never run, and leaves the rest alone', async () => {
    const runtime = effectRuntime();
    const lost = await outboxRow('enqueued', 120);
    const waiting = await outboxRow('enqueued', 120);
    const completed = await outboxRow('enqueued', 120);
    const failed = await outboxRow('enqueued', 120);
    const recent = await outboxRow('enqueued', 0);
    const done = await outboxRow('done', 120);
    const misfit = await outboxRow('enqueued', 120, '{"holdMs": "long"}');
    // What BullMQ holds: one job still waiting (delayed past the test), one completed, one failed.
    await addAsRelay(waiting, 1, { delayMs: 60_000 });
    await addAsRelay(completed, 1);
    await addAsRelay(failed, -1);
    await untilFinished({ completed, failed });

    const deps = { db: suite.db.db, logger: quietLogger() };
    const result = await reconcileStagedJobs(deps, queues, {
      enqueuedBefore: new Date(Date.now() - 30_000),
      jobs: [effectJob],
    });
    expect(result).toEqual({ requeued: 1, settled: 3, present: 1 });
    // Staged under a schema it no longer fits: it could never run, so it is failed, not retried.
    expect((await rowOf(misfit)).state).toBe('failed');
    expect(await rowOf(lost)).toEqual({ state: 'enqueued', requeues: 1 });
    expect((await rowOf(completed)).state).toBe('done');
    expect((await rowOf(failed)).state).toBe('failed');
    expect(await rowOf(waiting)).toEqual({ state: 'enqueued', requeues: 0 });
    expect(await rowOf(recent)).toEqual({ state: 'enqueued', requeues: 0 });
    expect((await rowOf(done)).state).toBe('done');
    await until(() => ran.includes(`outbox-${lost}`), 10_000, 'the re-added job to run');

    // Again: the re-added job has a fresh enqueue time, so nothing is added twice.
    const again = await reconcileStagedJobs(deps, queues, {
      enqueuedBefore: new Date(Date.now() - 30_000),
      jobs: [effectJob],
    });
    expect(again.requeued).toBe(0);
    expect(ran.filter((id) => id === `outbox-${lost}`)).toHaveLength(1);
    await runtime.close(5000);
  });
});

describe('job reconciler after the database was restored or re-created', () => {
  it('runs the job of a row whose id a job of the earlier database still holds in Redis, instead of taking the outcome of that job for its own', async () => {
    const runtime = effectRuntime();
    const deps = { db: suite.db.db, logger: quietLogger() };
    // The earlier database's job with this id ran and completed (and one failed) long before...
    const reused = await outboxRow('enqueued', 120);
    const reusedFailed = await outboxRow('enqueued', 120);
    await enqueue(
      queues,
      effectJob,
      { holdMs: 1 },
      { jobId: `outbox-${reused}`, timestamp: Date.now() - 3_600_000 },
    );
    await enqueue(
      queues,
      effectJob,
      { holdMs: -1 },
      { jobId: `outbox-${reusedFailed}`, timestamp: Date.now() - 3_600_000 },
    );
    await untilFinished({ completed: reused, failed: reusedFailed });
    const before = ran.filter((id) => id === `outbox-${reused}`).length;
    // ...and this database's rows of the same ids were added by the relay, which BullMQ ignored.
    await addAsRelay(reused, 1);
    await addAsRelay(reusedFailed, 1);

    const result = await reconcileStagedJobs(deps, queues, {
      enqueuedBefore: new Date(Date.now() - 30_000),
      jobs: [effectJob],
    });
    expect(result).toMatchObject({ requeued: 2, settled: 0 });
    await until(
      () =>
        ran.filter((id) => id === `outbox-${reused}`).length === before + 1 &&
        ran.includes(`outbox-${reusedFailed}`),
      10_000,
      'the own jobs of both rows to run',
    );
    expect(await rowOf(reused)).toEqual({ state: 'enqueued', requeues: 1 });
    await runtime.close(5000);
  });
});

describe('worker supervisor', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => supervisor?.stop());

  it('replaces a queue worker that stopped taking jobs, and reports it as not consuming meanwhile', async () => {
    // The previous test's delayed job would set the worker's block time (up to 10 s) instead of 5 s.
    await queues.integrations.obliterate({ force: true });
    const runtime = effectRuntime({ db: true });
    supervisor = startSupervisor({
      db: suite.db.db,
      redis,
      queues,
      runtime,
      logger: quietLogger(),
      jobs: [effectJob],
      schedules: [],
      checkEveryMs: 100,
      stallAfterMs: 600,
    });
    await until(() => supervisor!.health().lastCheckAt > 0, 5_000, 'a first check');
    expect(supervisor.health()).toMatchObject({ redis: 'up', consuming: true });
    // Wedged: its fetch loop is stopped, though the process and its connections are fine.
    const wedged = runtime.workers[0]!;
    await wedged.pause(true);
    // Its blocking fetch already under way ends by itself (BullMQ's drain delay, 5 s).
    await new Promise((r) => setTimeout(r, 5500));
    const jobId = await enqueue(queues, effectJob, { holdMs: 1 }, { jobId: 'wedged-1' });
    const seen = new Set<boolean>();
    await until(
      () => {
        seen.add(supervisor!.health().consuming);
        return ran.includes(jobId);
      },
      10_000,
      'the job to run on a replacement worker',
    );
    expect(seen.has(false)).toBe(true);
    expect(runtime.workers[0]).not.toBe(wedged);
    await until(() => supervisor!.health().consuming, 5_000, 'consuming again');
  });

  it('when Redis answers again after a check it missed, its data intact, upserts every job scheduler and reconciles everything enqueued until then at once', async () => {
    await queues.integrations.obliterate({ force: true });
    const runtime = effectRuntime({ db: true });
    // A command connection of the supervisor's own, which the test takes away and gives back.
    const own = createRedis(suite.env.REDIS_URL, { keyPrefix: suite.env.REDIS_KEY_PREFIX });
    await own.connect();
    cleanups.push(() => Promise.resolve(own.disconnect()));
    const yearly = { id: 'supervised-yearly', job: effectJob, pattern: '0 0 1 1 *', payload: { holdMs: 1 } };
    // What the worker process registers before its supervisor starts; then `yearly` is lost, while
    // the sweep's own scheduler stays, so nothing says Redis lost its data.
    await registerSchedules(queues, [RECONCILE_SCHEDULE]);
    supervisor = startSupervisor({
      db: suite.db.db,
      redis: own,
      queues,
      runtime,
      logger: quietLogger(),
      jobs: [effectJob],
      schedules: [RECONCILE_SCHEDULE, yearly],
      checkEveryMs: 100,
    });
    await until(() => supervisor!.health().redis === 'up', 5_000, 'a first check');
    // Enqueued a moment ago, and not in BullMQ: too recent for the start-up reconcile or the sweep.
    const lost = await outboxRow('enqueued', 0);
    const seenAt = supervisor.health().lastCheckAt;
    await until(() => supervisor!.health().lastCheckAt > seenAt + 150, 5_000, 'two more checks');
    expect(await queues.integrations.getJobScheduler(yearly.id)).toBeUndefined();
    expect(ran).not.toContain(`outbox-${lost}`);

    own.disconnect();
    await until(() => supervisor!.health().redis === 'down', 5_000, 'the supervisor to miss Redis');
    await own.connect();
    await until(
      async () => (await queues.integrations.getJobScheduler(yearly.id)) !== undefined,
      5_000,
      'the job schedulers upserted again',
    );
    // The handler notes the run as it starts; the runtime marks the row done after it returns,
    // before BullMQ hears of the completion: BullMQ's completed state says the row is marked.
    await until(
      async () => (await queues.integrations.getJobState(`outbox-${lost}`)) === 'completed',
      10_000,
      'the lost job to run',
    );
    expect(await rowOf(lost)).toEqual({ state: 'done', requeues: 1 });
  });

  it('leaves a queue paused on purpose alone: its waiting jobs are no sign of a wedged worker', async () => {
    await queues.integrations.obliterate({ force: true });
    const runtime = effectRuntime({ db: true });
    supervisor = startSupervisor({
      db: suite.db.db,
      redis,
      queues,
      runtime,
      logger: quietLogger(),
      jobs: [effectJob],
      schedules: [],
      checkEveryMs: 100,
      stallAfterMs: 300,
    });
    const serving = runtime.workers[0]!;
    await queues.integrations.pause();
    const jobId = await enqueue(queues, effectJob, { holdMs: 1 }, { jobId: 'paused-1' });
    // Not a fixed wait: a check that began after the enqueue saw the job waiting, and one that
    // began stallAfterMs after that would have replaced the worker had the pause not stopped it.
    const enqueuedAt = Date.now();
    await until(() => supervisor!.health().lastCheckAt > enqueuedAt, 5_000, 'a check to see the job');
    const firstSeen = supervisor.health().lastCheckAt;
    await until(
      () => supervisor!.health().lastCheckAt >= firstSeen + 300,
      5_000,
      'a check past stallAfterMs',
    );
    expect(runtime.workers[0]).toBe(serving);
    expect(supervisor.health().consuming).toBe(true);
    expect(ran).not.toContain(jobId);
    await queues.integrations.resume();
    await until(() => ran.includes(jobId), 10_000, 'the job after resuming');
  });
});
