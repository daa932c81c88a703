import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { closeQueues, createQueues, enqueue, type Queues } from '@teamflow/queue/producer';
import { effectJob } from './fixtures/effect-job';
import { openDb, suiteEnv, until } from './support';

const env = suiteEnv();
const db = openDb(env.DATABASE_URL);
let queues: Queues;
const children: ChildProcessWithoutNullStreams[] = [];

function startEffectWorker(extra: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'fixtures', 'effect-worker.ts')],
    {
      env: {
        ...process.env,
        DATABASE_URL: env.DATABASE_URL,
        REDIS_KEY_PREFIX: env.REDIS_KEY_PREFIX,
        ...extra,
      },
    },
  );
  const state = { out: '', exit: undefined as number | null | undefined };
  child.stdout.on('data', (d: Buffer) => (state.out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (state.out += d.toString()));
  child.on('exit', (code) => (state.exit = code));
  children.push(child);
  return { child, state };
}

beforeAll(async () => {
  queues = createQueues(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  await db.pool.query(
    'create table if not exists job_effects (job_id text primary key, runs int not null default 0)',
  );
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await queues.integrations.obliterate({ force: true }).catch(() => undefined);
  await closeQueues(queues);
  await db.close();
});

const effects = async (jobId: string) =>
  (await db.pool.query('select count(*)::int n, max(runs) runs from job_effects where job_id = $1', [jobId]))
    .rows[0] as { n: number; runs: number };

describe('worker faults', () => {
  it(
    'hands a job whose worker was killed with -9 to another worker, which completes it; the effect is applied once',
    async () => {
      const first = startEffectWorker();
      await until(() => first.state.out.includes('effect worker ready'), PROCESS_START_MS, 'first worker');
      const jobId = await enqueue(queues, effectJob, { holdMs: 3000 });
      await until(() => first.state.out.includes(`started ${jobId}`), 10000, 'the job to start');
      first.child.kill('SIGKILL');
      await until(() => first.state.exit !== undefined, 5000, 'the first worker to die');

      const second = startEffectWorker();
      // Only a running worker's stalled-job check hands the job on: its 30 s start once this one is up.
      await until(() => second.state.out.includes('effect worker ready'), PROCESS_START_MS, 'second worker');
      const job = await queues.integrations.getJob(jobId);
      await until(
        async () => (await job!.getState()) === 'completed',
        30000,
        'the job to complete elsewhere',
      );
      const done = await queues.integrations.getJob(jobId);
      expect(done!.returnvalue).toEqual({ pid: second.child.pid });
      const applied = await effects(jobId);
      expect(applied.n).toBe(1);
      expect(applied.runs).toBe(2);
      second.child.kill('SIGTERM');
      await until(() => second.state.exit !== undefined, 15000, 'the second worker to stop');
    },
    2 * PROCESS_START_MS + 30_000,
  );

  it(
    'on SIGTERM stops taking jobs, finishes the active one and exits 0',
    async () => {
      const worker = startEffectWorker();
      await until(() => worker.state.out.includes('effect worker ready'), PROCESS_START_MS, 'worker');
      const active = await enqueue(queues, effectJob, { holdMs: 1500 });
      await until(() => worker.state.out.includes(`started ${active}`), 10000, 'the job to start');
      worker.child.kill('SIGTERM');
      await until(() => worker.state.out.includes('closing'), 5000, 'the worker to begin closing');
      // Its BullMQ worker stops fetching when it closes its blocking connection, which the process
      // does only after its supervisor's check under way has ended: not at any fixed time after the
      // signal. Redis lists that connection (by the queue's client name) until then.
      await until(
        async () => (await queues.integrations.getWorkersCount()) === 0,
        15000,
        'the worker to stop fetching',
      );
      const waiting = await enqueue(queues, effectJob, { holdMs: 10 });
      await until(() => worker.state.exit !== undefined, 15000, 'the worker to exit');
      expect(worker.state.exit).toBe(0);
      expect(worker.state.out).toContain('closed drained=true');
      expect(await (await queues.integrations.getJob(active))!.getState()).toBe('completed');
      // The job queued after SIGTERM was not taken: it waits for the next worker.
      expect(await (await queues.integrations.getJob(waiting))!.getState()).toBe('waiting');
    },
    PROCESS_START_MS + 30_000,
  );
});
