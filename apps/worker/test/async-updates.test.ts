import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { digestJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { quietLogger, until, isolatedSuite } from './support';

// Its own database: it runs a job relay (see isolatedSuite).
let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let env: typeof suite.env;
let db: typeof suite.db;
let queues: Queues;
const runtimes: Runtime[] = [];

beforeAll(async () => {
  suite = await isolatedSuite('wasync');
  ({ env, db } = suite);
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
});
afterAll(async () => {
  await Promise.all(runtimes.map((r) => r.close(5000)));
  for (const q of Object.values(queues)) await q.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await db.close();
  await suite.drop();
});

const q = (text: string, values: unknown[] = []) => db.pool.query(text, values);

/** Two worker processes' worth of runtimes on the same queues (started once for the file). */
function twoWorkers() {
  while (runtimes.length < 2)
    runtimes.push(
      startWorkers({
        redisUrl: env.REDIS_URL,
        redisKeyPrefix: env.REDIS_KEY_PREFIX,
        logger: quietLogger(),
        registrations: allHandlers(db.db, { ...env, AI_PROVIDER: 'local' }),
      }),
    );
}

describe('async-updates jobs', () => {
  it('analytics/digest writes the day once with two workers running, the local provider named', async () => {
    const tag = `${Date.now()}`;
    const user = (
      await q(`insert into users (email, name) values ($1, 'A') returning id`, [`as-${tag}@ex.test`])
    ).rows[0].id;
    const ws = (
      await q(`insert into workspaces (name, slug, created_by) values ('A', $1, $2) returning id`, [
        `as-${tag}`,
        user,
      ])
    ).rows[0].id;
    await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`, [
      ws,
      user,
    ]);
    await q(
      `insert into status_updates (workspace_id, user_id, date, done, doing, mood) values ($1, $2, '2034-02-01', 'Shipped', 'Next', 4)`,
      [ws, user],
    );
    twoWorkers();
    const staged = [
      await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-01', force: false }),
      await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-01', force: false }),
    ];
    await createJobRelay({ db: db.db, logger: quietLogger() }, queues).runOnce();
    const digest = async () =>
      (await q(`select provider, summary from daily_summaries where workspace_id = $1`, [ws])).rows;
    // Not a fixed wait: both jobs have run to the end (BullMQ's own completed state), the second
    // one too, so whatever it would write twice is written.
    await until(
      async () =>
        (await Promise.all(staged.map(({ jobId }) => queues.analytics.getJobState(jobId)))).every(
          (state) => state === 'completed',
        ),
      20000,
      'both digest jobs to complete',
    );
    const rows = await digest();
    expect(rows).toHaveLength(1);
    expect(rows[0].provider).toBe('local');
    expect(rows[0].summary).toContain('## Digest for 2034-02-01');
    const ready = await q(
      `select count(*)::int as n from outbox where workspace_id = $1 and type = 'DIGEST_READY'`,
      [ws],
    );
    expect(ready.rows[0].n).toBe(1);
  });

  it('analytics/digest mails an opted-in member the day once through email/send, with two workers and a regenerate', async () => {
    const tag = `${Date.now()}`;
    const user = async (name: string) =>
      (
        await q(`insert into users (email, name) values ($1, $2) returning id, email`, [
          `${name}-${tag}@ex.test`,
          name,
        ])
      ).rows[0] as { id: string; email: string };
    const ann = await user('ann');
    const bob = await user('bob');
    const ws = (
      await q(`insert into workspaces (name, slug, created_by) values ('Mail', $1, $2) returning id`, [
        `dm-${tag}`,
        ann.id,
      ])
    ).rows[0].id;
    for (const u of [ann, bob])
      await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [
        ws,
        u.id,
      ]);
    // Ann opted in; Bob kept the default (off).
    await q(
      `insert into notification_preferences (user_id, type, in_app, email) values ($1, 'daily_digest', false, true)`,
      [ann.id],
    );
    await q(
      `insert into status_updates (workspace_id, user_id, date, done, doing, mood) values ($1, $2, '2034-02-02', 'Shipped', 'Next', 2)`,
      [ws, bob.id],
    );
    twoWorkers();
    // A running relay: the digest job stages the email job, which must reach the workers too.
    const relay = createJobRelay({ db: db.db, logger: quietLogger() }, queues, { idleMs: 50 });
    relay.start();
    try {
      await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-02', force: false });
      await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-02', force: false });
      const mails = async () =>
        (
          await q(`select "to", subject, text, html, template from dev_mail where "to" = any($1::text[])`, [
            [ann.email, bob.email],
          ])
        ).rows as { to: string; subject: string; text: string; html: string; template: string }[];
      await until(async () => (await mails()).length > 0, 20000, 'the digest email in the dev outbox');

      const ready = async () =>
        (
          await q(`select count(*)::int as n from outbox where workspace_id = $1 and type = 'DIGEST_READY'`, [
            ws,
          ])
        ).rows[0].n as number;
      await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-02', force: true });
      await until(async () => (await ready()) === 2, 20000, 'the regenerated digest');
      // Anything the regenerate staged would be relayed and sent by now.
      await until(
        async () => {
          const staged = (await q(`select count(*)::int as n from job_outbox where enqueued_at is null`))
            .rows[0].n;
          const counts = await queues.email.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          return staged === 0 && Object.values(counts).every((n) => n === 0);
        },
        20000,
        'every staged job relayed and every email sent',
      );
      const sent = await mails();
      expect(sent.map((m) => m.to)).toEqual([ann.email]);
      expect(sent[0]).toMatchObject({ template: 'daily-digest', subject: 'Mail digest for 2034-02-02' });
      expect(sent[0]!.text).toContain('**Check-ins:** 1 update');
      expect(sent[0]!.text).not.toMatch(/mood/i);
    } finally {
      await relay.stop();
    }
  });
});
