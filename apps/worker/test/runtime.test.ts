import { Queue } from 'bullmq';
import { z } from 'zod';
import { bullConnection } from '@teamflow/queue/connection';
import { defineJob } from '@teamflow/queue/define-job';
import { cleanupJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { queuePrefix } from '@teamflow/queue/queues';
import { registerSchedules } from '@teamflow/queue/schedules';
import { allHandlers } from '../src/handlers/index';
import { register, startWorkers, type Runtime } from '../src/runtime';
import { openDb, quietLogger, suiteEnv, until } from './support';

const env = suiteEnv();
const db = openDb(env.DATABASE_URL);
let queues: Queues;
const runtimes: Runtime[] = [];
const start = (registrations = allHandlers(db.db, env)) => {
  const r = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations,
  });
  runtimes.push(r);
  return r;
};

beforeAll(() => {
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
});
afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.close(5000)));
  for (const q of Object.values(queues)) await q.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await db.close();
});

const q = (text: string, values: unknown[] = []) => db.pool.query(text, values);

async function seedCleanupRows() {
  const user = (
    await q(`insert into users (email, name) values ($1, 'Cleanup') returning id`, [
      `cleanup-${Date.now()}@example.test`,
    ])
  ).rows[0].id;
  const ws = (
    await q(`insert into workspaces (name, slug, created_by) values ('C', $1, $2) returning id`, [
      `c-${Date.now()}`,
      user,
    ])
  ).rows[0].id;
  const project = (
    await q(
      `insert into projects (workspace_id, key, name, created_by) values ($1, 'CL', 'C', $2) returning id`,
      [ws, user],
    )
  ).rows[0].id;
  const task = (
    await q(
      `insert into tasks (workspace_id, project_id, number, title, position, created_by) values ($1, $2, 1, 'T', 1, $3) returning id`,
      [ws, project, user],
    )
  ).rows[0].id;
  await q(
    `insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values
           ($1, gen_random_uuid(), md5(random()::text), now() - interval '1 day'),
           ($1, gen_random_uuid(), md5(random()::text), now() + interval '1 day')`,
    [user],
  );
  await q(
    `insert into comments (workspace_id, task_id, author_id, body, deleted_at) values
           ($1, $2, $3, 'old', now() - interval '40 days'), ($1, $2, $3, 'recent', now() - interval '2 days'), ($1, $2, $3, 'live', null)`,
    [ws, task, user],
  );
  await q(
    `insert into activities (workspace_id, entity_type, entity_id, action, created_at) values
           ($1, 'task', $2, 'ancient', now() - interval '400 days'), ($1, 'task', $2, 'fresh', now())`,
    [ws, task],
  );
  const jobs = (
    await q(
      `insert into job_outbox (queue, name, payload, state, enqueued_at, finished_at) values
           ('email', 'send', '{}', 'done', now() - interval '9 days', now() - interval '8 days'),
           ('email', 'send', '{}', 'done', now() - interval '1 day', now() - interval '1 day'),
           ('email', 'send', '{}', 'failed', now() - interval '11 days', now() - interval '10 days'),
           ('integrations', 'not-a-kind', '{}', 'enqueued', now() - interval '9 days', null)
       returning id`,
    )
  ).rows.map((r: { id: string }) => r.id);
  return { user, task, jobs };
}

describe('worker runtime', () => {
  it('runs the cleanup job: removes only expired tokens, comments deleted over 30 days ago, activity past retention and jobs done over a week ago', async () => {
    const { user, task, jobs } = await seedCleanupRows();
    start();
    const id = await enqueue(queues, cleanupJob, { commentRetentionDays: 30, activityRetentionDays: 365 });
    const job = await queues.maintenance.getJob(id);
    await until(async () => (await job!.getState()) === 'completed', 15000, 'cleanup to complete');
    const done = await queues.maintenance.getJob(id);
    expect(done!.returnvalue).toMatchObject({
      refreshTokens: expect.any(Number),
      comments: expect.any(Number),
      activities: expect.any(Number),
      finishedJobs: expect.any(Number),
    });
    expect(
      (await q(`select state from job_outbox where id = any($1) order by id`, [jobs])).rows.map(
        (r) => r.state,
      ),
    ).toEqual(['done', 'failed', 'enqueued']);
    expect((await q(`select count(*)::int n from refresh_tokens where user_id = $1`, [user])).rows[0].n).toBe(
      1,
    );
    expect(
      (await q(`select body from comments where task_id = $1 order by body`, [task])).rows.map((r) => r.body),
    ).toEqual(['live', 'recent']);
    expect(
      (await q(`select action from activities where entity_id = $1`, [task])).rows.map((r) => r.action),
    ).toEqual(['fresh']);

    // Idempotent: running it again removes nothing more.
    const again = await enqueue(queues, cleanupJob, { commentRetentionDays: 30, activityRetentionDays: 365 });
    await until(
      async () => (await (await queues.maintenance.getJob(again))!.getState()) === 'completed',
      15000,
    );
    expect((await q(`select count(*)::int n from comments where task_id = $1`, [task])).rows[0].n).toBe(2);
  });

  it('refuses a bad payload before it reaches Redis', async () => {
    const before = await queues.maintenance.count();
    await expect(
      enqueue(queues, cleanupJob, { commentRetentionDays: -1, activityRetentionDays: 365 }),
    ).rejects.toThrow();
    expect(await queues.maintenance.count()).toBe(before);
  });

  it('fails a job whose payload breaks its schema at once, without retries, and keeps it visible', async () => {
    start();
    const raw = new Queue('maintenance', {
      connection: bullConnection(env.REDIS_URL, 'producer'),
      prefix: queuePrefix(env.REDIS_KEY_PREFIX),
    });
    const job = await raw.add('cleanup', { commentRetentionDays: 'soon' }, { attempts: 3 });
    await until(async () => (await job.getState()) === 'failed', 15000, 'the job to fail');
    const failed = await raw.getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1);
    expect(failed!.failedReason).toMatch(/Invalid payload for maintenance\/cleanup/);
    expect((await raw.getFailed()).map((j) => j.id)).toContain(job.id);
    const unknown = await raw.add('no-such-job', {}, { attempts: 3 });
    await until(async () => (await unknown.getState()) === 'failed', 15000, 'the unknown job to fail');
    expect((await raw.getJob(unknown.id!))!.failedReason).toMatch(/No handler for maintenance\/no-such-job/);
    await raw.close();
  });

  it('serves a queue it has no handlers for, so a job sent there fails visibly instead of waiting forever', async () => {
    const r = startWorkers({
      redisUrl: env.REDIS_URL,
      redisKeyPrefix: env.REDIS_KEY_PREFIX,
      logger: quietLogger(),
      registrations: [],
      alwaysServe: ['integrations'],
    });
    runtimes.push(r);
    expect(r.workers.map((w) => w.name)).toEqual(['integrations']);
    const job = await queues.integrations.add('slack-post', {}, { attempts: 2 });
    await until(async () => (await job.getState()) === 'failed', 15000, 'the job to fail');
    expect((await queues.integrations.getJob(job.id!))!.failedReason).toMatch(
      /No handler for integrations\/slack-post/,
    );
  });

  it('registers each schedule once however many workers start: cleanup at 02:00 UTC, recurring tasks and the job reconciler every minute, due-soon hourly, the digests, reminders and escalation every 15 min, streaks hourly, the progress rebuild nightly, the re-read of older local analyses hourly', async () => {
    await registerSchedules(queues);
    const other = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
    await registerSchedules(other);
    await closeQueues(other);
    const schedulers = (await queues.maintenance.getJobSchedulers()).sort((a, b) =>
      a.key.localeCompare(b.key),
    );
    expect(schedulers.map((s) => s.key)).toEqual([
      'cleanup-daily',
      'reanalyse-entries',
      'rebuild-progress',
      'reconcile-jobs',
      'recurrence-due',
    ]);
    // The job reconciler's sweep: a job scheduler like the others (the supervisor restores it).
    expect(schedulers.find((s) => s.key === 'reconcile-jobs')).toMatchObject({
      pattern: '* * * * *',
      tz: 'UTC',
      name: 'reconcile-jobs',
    });
    expect(schedulers.find((s) => s.key === 'cleanup-daily')).toMatchObject({
      key: 'cleanup-daily',
      pattern: '0 2 * * *',
      tz: 'UTC',
      name: 'cleanup',
    });
    // Recurring tasks made at their time (`every!`): a pass every minute.
    expect(schedulers.find((s) => s.key === 'recurrence-due')).toMatchObject({
      pattern: '* * * * *',
      tz: 'UTC',
      name: 'recurrence-due',
    });
    const notifications = await queues.notifications.getJobSchedulers();
    expect(notifications.map((s) => [s.key, s.pattern, s.name]).sort()).toEqual([
      ['blocker-escalation', '*/15 * * * *', 'blocker-escalation'],
      ['check-in-reminders', '*/15 * * * *', 'check-in-reminders'],
      ['due-soon', '0 * * * *', 'due-soon'],
      ['notification-digest', '*/15 * * * *', 'digest'],
    ]);
    const analytics = await queues.analytics.getJobSchedulers();
    expect(analytics.map((s) => [s.key, s.pattern, s.name])).toEqual([
      ['due-digests', '*/15 * * * *', 'due-digests'],
    ]);
    const progress = await queues.progress.getJobSchedulers();
    expect(progress.map((s) => [s.key, s.pattern, s.name])).toEqual([
      ['settle-streaks', '7 * * * *', 'settle-streaks'],
    ]);
  });

  it('coalesces jobs with one dedupe id: while one runs, only the latest of the rest waits for it', async () => {
    const refresh = defineJob({
      queue: 'maintenance',
      name: 'refresh-test',
      payload: z.object({ key: z.string(), n: z.number() }),
      attempts: 1,
      dedupeId: (p) => `refresh:${p.key}`,
    });
    // Only this test's worker may take jobs from the queue (an earlier one would fail an unknown name).
    await Promise.all(runtimes.splice(0).map((r) => r.close(5000)));
    const seen: number[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    start([
      register(refresh, async (p) => {
        seen.push(p.n);
        if (p.n === 1) await gate;
      }),
    ]);
    await enqueue(queues, refresh, { key: 'a', n: 1 });
    // A worker start and BullMQ round trips: 15 s as elsewhere in this file, not 5 s.
    await until(() => seen.length === 1, 15000, 'the first run');
    for (const n of [2, 3, 4]) await enqueue(queues, refresh, { key: 'a', n });
    await enqueue(queues, refresh, { key: 'b', n: 10 });
    release();
    await until(() => seen.includes(4) && seen.includes(10), 15000, 'the follow-up and the other key');
    // Not a fixed wait: no job of this kind is left to run (the schedules of an earlier test keep
    // other jobs coming in this queue).
    await until(
      async () =>
        (await queues.maintenance.getJobs(['waiting', 'active', 'prioritized', 'delayed'])).every(
          (job) => job.name !== refresh.name,
        ),
      15000,
      'no refresh job left',
    );
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 4, 10]);
  });

  it('runs every firing of a schedule exactly once across two workers', async () => {
    const tick = defineJob({ queue: 'analytics', name: 'tick', payload: z.object({}), attempts: 1 });
    const seen: string[] = [];
    const handler = register(tick, (_payload, { job }) => {
      seen.push(job.id!);
      return Promise.resolve();
    });
    start([handler]);
    start([handler]);
    await queues.analytics.upsertJobScheduler('tick-fast', { every: 250 }, { name: 'tick', data: {} });
    await until(() => seen.length >= 6, 15000, 'six ticks');
    await queues.analytics.removeJobScheduler('tick-fast');
    expect(new Set(seen).size).toBe(seen.length);
  });
});
