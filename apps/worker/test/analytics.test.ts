import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { burndownJob, velocityJob } from '@teamflow/queue/jobs';
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
  suite = await isolatedSuite('wanalytics');
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

/** A completed sprint, Mar 2–4 2026: 5 + 3 points committed, the 5 done on the 3rd. */
async function seedCompletedSprint() {
  const tag = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  const user = (
    await q(`insert into users (email, name) values ($1, 'A') returning id`, [`an-${tag}@ex.test`])
  ).rows[0].id;
  const ws = (
    await q(`insert into workspaces (name, slug, created_by) values ('A', $1, $2) returning id`, [
      `a-${tag}`,
      user,
    ])
  ).rows[0].id;
  const project = (
    await q(
      `insert into projects (workspace_id, key, name, created_by) values ($1, 'AN', 'A', $2) returning id`,
      [ws, user],
    )
  ).rows[0].id;
  const sprint = (
    await q(
      `insert into sprints (workspace_id, project_id, name, state, start_date, end_date, started_at, completed_at, created_by)
       values ($1, $2, 'S1', 'completed', '2026-03-02', '2026-03-04', '2026-03-02T09:00Z', '2026-03-04T18:00Z', $3)
       returning id`,
      [ws, project, user],
    )
  ).rows[0].id;
  const task = async (n: number, points: number, completedAt: string | null) => {
    const id = (
      await q(
        `insert into tasks (workspace_id, project_id, number, title, position, created_by, story_points, sprint_id,
                            status, completed_at)
         values ($1, $2, $3::int, 'T', $3::float8, $4, $5, $6, $7, $8) returning id`,
        [ws, project, n, user, points, sprint, completedAt ? 'done' : 'todo', completedAt],
      )
    ).rows[0].id;
    await q(
      `insert into sprint_tasks (workspace_id, sprint_id, task_id, added_at) values ($1, $2, $3, '2026-03-01T12:00Z')`,
      [ws, sprint, id],
    );
  };
  await task(1, 5, '2026-03-03T11:00Z');
  await task(2, 3, null);
  return { ws, project, sprint };
}

describe('analytics jobs', () => {
  it('write the burndown and velocity snapshots the api serves', async () => {
    const { ws, project, sprint } = await seedCompletedSprint();
    runtimes.push(
      startWorkers({
        redisUrl: env.REDIS_URL,
        redisKeyPrefix: env.REDIS_KEY_PREFIX,
        logger: quietLogger(),
        registrations: allHandlers(db.db, env),
      }),
    );
    // Staged in the outbox and relayed, as the api does.
    await stageJob(db.db, burndownJob, { workspaceId: ws, sprintId: sprint });
    await stageJob(db.db, velocityJob, { workspaceId: ws, projectId: project });
    await createJobRelay({ db: db.db, logger: quietLogger() }, queues).runOnce();

    const snapshot = async (kind: string, subject: string) =>
      (await q(`select data from analytics_snapshots where kind = $1 and subject_id = $2`, [kind, subject]))
        .rows[0]?.data as { result: Record<string, unknown> } | undefined;
    await until(async () => (await snapshot('burndown', sprint)) !== undefined, 15000, 'burndown snapshot');
    await until(async () => (await snapshot('velocity', project)) !== undefined, 15000, 'velocity snapshot');

    const burndown = (await snapshot('burndown', sprint))!.result;
    expect(burndown).toMatchObject({ committedPoints: 8, committedTasks: 2 });
    expect(
      (burndown.days as { date: string; remainingPoints: number }[]).map((d) => [d.date, d.remainingPoints]),
    ).toEqual([
      ['2026-03-02', 8],
      ['2026-03-03', 3],
      ['2026-03-04', 3],
    ]);
    const velocity = (await snapshot('velocity', project))!.result;
    expect(velocity).toMatchObject({ averageCompletedPoints: 5, averageCommittedPoints: 8 });
  });
});
