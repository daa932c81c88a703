import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startReplica, type LocalReplica } from '@teamflow/local-services';
import { stageJob } from '@teamflow/core/jobs/job-outbox.repository';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { connectionUrl, type DbHandle } from '@teamflow/db/client';
import { createReadRouter, type ReadRouter } from '@teamflow/db/read-replica';
import { ensureDatabase, runMigrations } from '@teamflow/db/setup';
import { digestJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, type Queues } from '@teamflow/queue/producer';
import { allHandlers } from '../src/handlers/index';
import { startWorkers, type Runtime } from '../src/runtime';
import { openDb, quietLogger, suiteEnv, until } from './support';

// The worker's digest reads its day from the replica (DATABASE_REPLICA_URL) and writes the digest
// on the primary. Replay is paused on the replica so what it serves is visibly behind.

let pair: LocalReplica;
let db: DbHandle;
let replica: pg.Pool;
let reads: ReadRouter;
let queues: Queues;
let runtime: Runtime;
let env: ReturnType<typeof suiteEnv>;

beforeAll(async () => {
  pair = await startReplica();
  const database = `teamflow_wreplica_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(pair.primaryUrl(database));
  await runMigrations(pair.primaryUrl(database));
  env = { ...suiteEnv(), DATABASE_URL: pair.primaryUrl(database), AI_PROVIDER: 'local' };
  db = openDb(env.DATABASE_URL);
  replica = new pg.Pool({ connectionString: connectionUrl(pair.replicaUrl(database)), max: 1 });
  reads = createReadRouter({ primary: db.db, replicaUrl: pair.replicaUrl(database) });
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  runtime = startWorkers({
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    logger: quietLogger(),
    registrations: allHandlers(db.db, env, reads).filter((r) => r.def === digestJob),
  });
}, 60000);

afterAll(async () => {
  await runtime?.close(5000);
  for (const q of Object.values(queues ?? {})) await q.obliterate({ force: true }).catch(() => undefined);
  if (queues) await closeQueues(queues);
  await reads?.close();
  await replica?.end();
  await db?.close();
  await pair?.close();
});

const q = (text: string, values: unknown[] = []) => db.pool.query(text, values);

async function replicaCaughtUp(): Promise<void> {
  const { rows } = await q('select pg_current_wal_insert_lsn()::text as lsn');
  await until(
    () =>
      replica
        .query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [rows[0].lsn])
        .then((r) => r.rows[0].ok === true)
        .catch(() => false),
    30000,
    'replica caught up',
  );
}

const member = async (ws: string, tag: string) => {
  const id = (
    await q(`insert into users (email, name) values ($1, $2) returning id`, [`${tag}@ex.test`, tag])
  ).rows[0].id;
  await q(`insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`, [ws, id]);
  return id as string;
};
const checkIn = (ws: string, user: string, date: string, done: string) =>
  q(`insert into status_updates (workspace_id, user_id, date, done, doing) values ($1, $2, $3, $4, 'Next')`, [
    ws,
    user,
    date,
    done,
  ]);

describe('the digest job with a read replica', () => {
  it('reads the day from the replica and writes the digest on the primary', async () => {
    const tag = randomBytes(3).toString('hex');
    const owner = (
      await q(`insert into users (email, name) values ($1, 'Owner') returning id`, [`o-${tag}@ex.test`])
    ).rows[0].id;
    const ws = (
      await q(`insert into workspaces (name, slug, created_by) values ('R', $1, $2) returning id`, [
        `r-${tag}`,
        owner,
      ])
    ).rows[0].id;
    const date = '2034-03-01';
    await checkIn(ws, await member(ws, `early-${tag}`), date, 'Replicated check-in');
    await replicaCaughtUp();
    await replica.query('select pg_wal_replay_pause()');
    try {
      // Not on the replica while replay is paused.
      await checkIn(ws, await member(ws, `late-${tag}`), date, 'Unreplayed check-in');
      await stageJob(db.db, digestJob, { workspaceId: ws, date, force: false });
      await createJobRelay({ db: db.db, logger: quietLogger() }, queues).runOnce();
      const digest = async () =>
        (await q(`select sections from daily_summaries where workspace_id = $1 and date = $2`, [ws, date]))
          .rows;
      await until(async () => (await digest()).length > 0, 20000, 'digest written on the primary');
      const [row] = await digest();
      const done = (row.sections.updates as { done: string }[]).map((u) => u.done);
      expect(done).toEqual(['Replicated check-in']);
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });
});
