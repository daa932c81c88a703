import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { startPgBouncer, type LocalPgBouncer } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { cleanupJob } from '@teamflow/queue/jobs';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { isolatedSuite, until } from './support';

// The real worker process as production runs it: DATABASE_URL through PgBouncer in transaction
// mode (two server connections shared by all its clients), DATABASE_DIRECT_URL straight to PostgreSQL.
const WORKER = join(__dirname, '..', 'src', 'main.ts');

let suite: Awaited<ReturnType<typeof isolatedSuite>>;
let bouncer: LocalPgBouncer;
let queues: Queues;
let worker: ChildProcessWithoutNullStreams;
const out = { stdout: '', stderr: '' };

beforeAll(async () => {
  suite = await isolatedSuite('wpgbouncer');
  bouncer = await startPgBouncer({ upstreamUrl: suite.env.DATABASE_URL, poolSize: 2 });
  queues = createQueues(suite.env.REDIS_URL, suite.env.REDIS_KEY_PREFIX);
  worker = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: join(__dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      AI_PROVIDER: 'local',
      WORKER_HEALTH_PORT: '0',
      REDIS_KEY_PREFIX: suite.env.REDIS_KEY_PREFIX,
      DATABASE_URL: bouncer.pooledUrl(suite.env.DATABASE_URL),
      DATABASE_DIRECT_URL: suite.env.DATABASE_URL,
    },
  });
  worker.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  worker.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  await until(() => out.stdout.includes('worker ready'), PROCESS_START_MS, 'the worker to be ready');
}, PROCESS_START_MS + 30_000);

afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await closeQueues(queues);
  await suite.db.close();
  await bouncer?.close();
  await suite.drop();
});

describe('the worker through PgBouncer in transaction mode', () => {
  it('runs a database job and its supervisor checks without an error', async () => {
    const q = (text: string, values: unknown[] = []) => suite.db.pool.query(text, values);
    const user = (
      await q(`insert into users (email, name) values ($1, 'Pooled') returning id`, [
        `pooled-${Date.now()}@example.test`,
      ])
    ).rows[0].id;
    await q(
      `insert into refresh_tokens (user_id, family_id, token_hash, expires_at) values
         ($1, gen_random_uuid(), md5(random()::text), now() - interval '1 day'),
         ($1, gen_random_uuid(), md5(random()::text), now() + interval '1 day')`,
      [user],
    );
    for (let round = 0; round < 3; round++) {
      const id = await enqueue(queues, cleanupJob, { commentRetentionDays: 30, activityRetentionDays: 365 });
      await until(
        async () => (await (await queues.maintenance.getJob(id))!.getState()) === 'completed',
        15000,
        'cleanup to complete',
      );
    }
    const { rows } = await q(`select count(*)::int as n from refresh_tokens where user_id = $1`, [user]);
    expect(rows[0].n).toBe(1);
    expect(out.stdout).not.toMatch(/"level":"(warn|error)"/);
    expect(out.stderr).toBe('');
  });
});
