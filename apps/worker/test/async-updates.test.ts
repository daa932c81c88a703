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
    for (let i = 0; i < 2; i += 1) {
      runtimes.push(
        startWorkers({
          redisUrl: env.REDIS_URL,
          redisKeyPrefix: env.REDIS_KEY_PREFIX,
          logger: quietLogger(),
          registrations: allHandlers(db.db, { ...env, AI_PROVIDER: 'local' }),
        }),
      );
    }
    await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-01', force: false });
    await stageJob(db.db, digestJob, { workspaceId: ws, date: '2034-02-01', force: false });
    await createJobRelay({ db: db.db, logger: quietLogger() }, queues).runOnce();
    const digest = async () =>
      (await q(`select provider, summary from daily_summaries where workspace_id = $1`, [ws])).rows;
    await until(async () => (await digest()).length > 0, 20000, 'digest written');
    await new Promise((r) => setTimeout(r, 1000));
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
});
