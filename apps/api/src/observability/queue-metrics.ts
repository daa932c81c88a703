import type client from 'prom-client';
import { Gauge, Histogram } from 'prom-client';
import type { Queues } from '@teamflow/queue/producer';

const STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
/** How many finished jobs per queue one scrape reads to feed the duration histogram. */
const SCAN = 200;

/** BullMQ waits for a lost connection instead of failing: a scrape never waits on it for long. */
async function bounded<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms))),
    ]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Queue metrics, read from Redis when Prometheus scrapes: `queue_jobs{queue,state}` counts and
 * `queue_job_duration_seconds{queue,name,status}` (finishedOn − processedOn of jobs that finished
 * since the previous scrape; the worker has no HTTP server, so the api reads the timestamps BullMQ
 * keeps). Each api instance observes every job, so aggregate the histogram per instance (or take
 * one instance), never sum across them. While Redis is away both are simply not updated.
 */
export function registerQueueMetrics(registry: client.Registry, queues: Queues, timeoutMs = 1000): void {
  new Gauge({
    name: 'queue_jobs',
    help: 'BullMQ jobs by queue and state (read on scrape)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      await Promise.all(
        Object.entries(queues).map(async ([name, queue]) => {
          const counts = await bounded(queue.getJobCounts(...STATES), timeoutMs);
          if (!counts) return;
          for (const state of STATES) this.set({ queue: name, state }, counts[state] ?? 0);
        }),
      );
    },
  });

  const seen = new Map<string, { until: number; ids: Set<string> }>();
  new Histogram({
    name: 'queue_job_duration_seconds',
    help: 'BullMQ job processing time (processedOn to finishedOn), by queue, job name and outcome',
    labelNames: ['queue', 'name', 'status'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
    async collect() {
      await Promise.all(
        Object.entries(queues).map(async ([name, queue]) => {
          const jobs = await bounded(queue.getJobs(['completed', 'failed'], 0, SCAN - 1), timeoutMs);
          if (!jobs) return;
          const mark = seen.get(name) ?? { until: 0, ids: new Set<string>() };
          let until = mark.until;
          const atUntil = new Set<string>();
          for (const job of jobs) {
            if (!job?.finishedOn || !job.processedOn || !job.id) continue;
            if (job.finishedOn < mark.until || (job.finishedOn === mark.until && mark.ids.has(job.id)))
              continue;
            this.observe(
              { queue: name, name: job.name, status: job.failedReason ? 'failed' : 'completed' },
              Math.max(0, job.finishedOn - job.processedOn) / 1000,
            );
            if (job.finishedOn > until) {
              until = job.finishedOn;
              atUntil.clear();
            }
            if (job.finishedOn === until) atUntil.add(job.id);
          }
          if (until === mark.until) for (const id of mark.ids) atUntil.add(id);
          seen.set(name, { until, ids: atUntil });
        }),
      );
    },
  });
}
