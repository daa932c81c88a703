import { Worker } from 'bullmq';
import { bullConnection } from '@teamflow/queue/connection';
import { queuePrefix } from '@teamflow/queue/queues';
import { startApi, type TestApi } from './harness';

let api: TestApi;
let worker: Worker | undefined;
beforeAll(async () => {
  // A keyspace of its own, so other suites' jobs do not show up in the counts.
  api = await startApi({ REDIS_KEY_PREFIX: `${process.env.REDIS_KEY_PREFIX}qm-${process.pid}:` });
});
afterAll(async () => {
  await worker?.close();
  for (const q of Object.values(api.deps.queues)) await q.obliterate({ force: true }).catch(() => undefined);
  await api.close();
});

const line = (text: string, metric: string) =>
  text
    .split('\n')
    .find((l) => l.startsWith(`${metric} `) || (l.startsWith(`${metric}{`) && l.includes('} ')));
const value = (text: string, series: string) => {
  const found = text.split('\n').find((l) => l.startsWith(`${series} `));
  return found === undefined ? undefined : Number(found.slice(series.length + 1));
};

describe('queue metrics on /metrics', () => {
  it('reports jobs per queue and state, and each finished job once in the duration histogram', async () => {
    const { maintenance, analytics } = api.deps.queues;
    await analytics.add('velocity', {});
    worker = new Worker(
      'maintenance',
      async (job) => {
        await new Promise((r) => setTimeout(r, 30));
        if (job.data.fail) throw new Error('boom');
        return 'ok';
      },
      {
        connection: bullConnection(api.deps.env.REDIS_URL, 'worker'),
        prefix: queuePrefix(api.deps.env.REDIS_KEY_PREFIX),
      },
    );
    const done = new Promise<void>((resolve) => {
      let n = 0;
      const count = () => ++n === 2 && resolve();
      worker!.on('completed', count);
      worker!.on('failed', count);
    });
    await maintenance.add('cleanup', { fail: false });
    await maintenance.add('cleanup', { fail: true }, { attempts: 1 });
    await done;

    const first = (await api.http().get('/metrics')).text;
    expect(line(first, 'queue_jobs')).toBeDefined();
    expect(value(first, 'queue_jobs{queue="analytics",state="waiting"}')).toBe(1);
    expect(value(first, 'queue_jobs{queue="maintenance",state="completed"}')).toBe(1);
    expect(value(first, 'queue_jobs{queue="maintenance",state="failed"}')).toBe(1);
    expect(value(first, 'queue_jobs{queue="email",state="active"}')).toBe(0);
    const completed =
      'queue_job_duration_seconds_count{queue="maintenance",name="cleanup",status="completed"}';
    const failed = 'queue_job_duration_seconds_count{queue="maintenance",name="cleanup",status="failed"}';
    expect(value(first, completed)).toBe(1);
    expect(value(first, failed)).toBe(1);
    expect(
      value(first, 'queue_job_duration_seconds_sum{queue="maintenance",name="cleanup",status="completed"}'),
    ).toBeGreaterThanOrEqual(0.02);

    // A second scrape does not count the same jobs again.
    const second = (await api.http().get('/metrics')).text;
    expect(value(second, completed)).toBe(1);
    expect(value(second, failed)).toBe(1);
  });
});
