#!/usr/bin/env node
// The queue bench (pnpm bench:queue): what our job layer (packages/queue producer + apps/worker
// runtime) costs on top of BullMQ, next to floors measured in the same run.
//
// 1. enqueue → start latency of one job at a time through `enqueue()` and `startWorkers()`, next
//    to a raw Redis PING round trip (p99 goal: ≤ 10× PING p99). Each job is sent once the previous
//    one has completed, so it meets an idle worker (sending at the previous job's start would time
//    that job's completion round trip too).
// 2. no-op job throughput at concurrency 50 through our producer and runtime, next to plain
//    BullMQ Queue.add/Worker with the same job options (goal: ≥ 80 % of plain), alternating
//    ours/plain so drift on a shared machine hits both.
//
// Options: --samples=2000 --jobs=10000 --rounds=2
// Redis keys: tf:bench-queue:* (cleared before and after). Needs Redis on 127.0.0.1:6379
// (BENCH_REDIS_URL), no database.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(repoRoot, 'bench', 'results');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    samples: { type: 'string', default: '2000' },
    jobs: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2' },
  },
  strict: false,
});
const SAMPLES = Number(args.samples);
const JOBS = Number(args.jobs);
const ROUNDS = Number(args.rounds);
const CONCURRENCY = 50;
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = 'tf:bench-queue:';

// Our TypeScript packages are loaded from source through tsx: without it, run this file again with it.
if (!process.env.TF_BENCH_UNDER_TSX) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, TF_BENCH_UNDER_TSX: '1' },
    },
  );
  process.exit(r.status ?? 1);
}
const { startWorkers, register: registerJob } = await import('../../apps/worker/src/runtime.ts');
const { createQueues, closeQueues, enqueue } = await import('../../packages/queue/src/producer.ts');
const { defineJob } = await import('../../packages/queue/src/define-job.ts');
const { bullConnection } = await import('../../packages/queue/src/connection.ts');
const { queuePrefix } = await import('../../packages/queue/src/queues.ts');
const { createLogger } = await import('../../packages/core/src/platform/logger.ts');
const requireFromQueue = createRequire(join(repoRoot, 'packages', 'queue', 'package.json'));
const { z } = requireFromQueue('zod');
// The very BullMQ our wrappers use (same version, same instance), for the plain baseline.
const { Queue, Worker } = requireFromQueue('bullmq');

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null;
const summary = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? null,
  };
};

async function clearKeys() {
  const redis = new Redis(redisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.del(...keys);
  } while (cursor !== '0');
  redis.disconnect();
}

async function pingRoundTrip(samples) {
  const redis = new Redis(redisUrl);
  for (let i = 0; i < 100; i++) await redis.ping();
  const out = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await redis.ping();
    out.push(performance.now() - t);
  }
  redis.disconnect();
  return summary(out);
}

const logger = createLogger({ level: 'silent', service: 'bench-queue' });
// A no-op job on a queue of our set ('integrations'), under the bench's own key prefix.
const noopJob = defineJob({
  queue: 'integrations',
  name: 'bench-noop',
  payload: z.object({ sentAt: z.number() }),
  attempts: 1,
});

/** enqueue() → handler start, one job at a time, through our producer and runtime. */
async function ourLatency(samples, keyPrefix) {
  const queues = createQueues(redisUrl, keyPrefix);
  let onStart;
  const runtime = startWorkers({
    redisUrl,
    redisKeyPrefix: keyPrefix,
    logger,
    concurrency: 1,
    registrations: [registerJob(noopJob, async ({ sentAt }) => onStart(performance.now() - sentAt))],
  });
  await Promise.all(runtime.workers.map((w) => w.waitUntilReady()));
  let onDone;
  for (const w of runtime.workers) w.on('completed', () => onDone());
  const out = [];
  for (let i = 0; i < samples + 50; i++) {
    const started = new Promise((resolve) => (onStart = resolve));
    const done = new Promise((resolve) => (onDone = resolve));
    await enqueue(queues, noopJob, { sentAt: performance.now() });
    const ms = await started;
    await done; // the next job meets an idle worker, not one still completing this one
    if (i >= 50) out.push(ms); // the first 50 warm up
  }
  await runtime.close(5000);
  await closeQueues(queues);
  return summary(out);
}

/** The same one-at-a-time latency through plain BullMQ Queue.add/Worker (is the tail BullMQ's or ours?). */
async function plainLatency(samples, keyPrefix) {
  const opts = { prefix: queuePrefix(keyPrefix) };
  const queue = new Queue('integrations', { connection: bullConnection(redisUrl, 'producer'), ...opts });
  let onStart;
  const worker = new Worker('integrations', async (job) => onStart(performance.now() - job.data.sentAt), {
    connection: bullConnection(redisUrl, 'worker'),
    concurrency: 1,
    ...opts,
  });
  await worker.waitUntilReady();
  let onDone;
  worker.on('completed', () => onDone());
  const out = [];
  for (let i = 0; i < samples + 50; i++) {
    const started = new Promise((resolve) => (onStart = resolve));
    const done = new Promise((resolve) => (onDone = resolve));
    await queue.add('bench-noop', { sentAt: performance.now() }, noopJob.options);
    const ms = await started;
    await done;
    if (i >= 50) out.push(ms);
  }
  await worker.close();
  await queue.close();
  return summary(out);
}

/** N no-op jobs added by 50 concurrent producers while a worker at concurrency 50 runs them. */
async function throughput(kind, jobs, keyPrefix) {
  let done = 0;
  let finish;
  const allDone = new Promise((resolve) => (finish = resolve));
  const count = () => {
    if (++done === jobs) finish();
  };
  let add;
  let stop;
  if (kind === 'ours') {
    const queues = createQueues(redisUrl, keyPrefix);
    const runtime = startWorkers({
      redisUrl,
      redisKeyPrefix: keyPrefix,
      logger,
      concurrency: CONCURRENCY,
      registrations: [registerJob(noopJob, async () => count())],
    });
    await Promise.all(runtime.workers.map((w) => w.waitUntilReady()));
    add = () => enqueue(queues, noopJob, { sentAt: performance.now() });
    stop = async () => {
      await runtime.close(5000);
      await closeQueues(queues);
    };
  } else {
    const opts = { prefix: queuePrefix(keyPrefix) };
    const queue = new Queue('integrations', { connection: bullConnection(redisUrl, 'producer'), ...opts });
    const worker = new Worker('integrations', async () => count(), {
      connection: bullConnection(redisUrl, 'worker'),
      concurrency: CONCURRENCY,
      ...opts,
    });
    await worker.waitUntilReady();
    add = () => queue.add('bench-noop', { sentAt: performance.now() }, noopJob.options);
    stop = async () => {
      await worker.close();
      await queue.close();
    };
  }
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs) {
        next++;
        await add();
      }
    }),
  );
  await allDone;
  const seconds = (performance.now() - t0) / 1000;
  await stop();
  return { jobs, seconds, perSecond: jobs / seconds };
}

async function main() {
  const started = new Date();
  await clearKeys();
  const ping = await pingRoundTrip(2000);
  const latency = await ourLatency(SAMPLES, `${prefix}lat:`);
  const plainLat = await plainLatency(SAMPLES, `${prefix}plat:`);
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    rounds.push({ kind: 'plain', ...(await throughput('plain', JOBS, `${prefix}p${r}:`)) });
    await clearKeys();
    rounds.push({ kind: 'ours', ...(await throughput('ours', JOBS, `${prefix}o${r}:`)) });
    await clearKeys();
    await sleep(200);
  }
  const best = (kind) => Math.max(...rounds.filter((x) => x.kind === kind).map((x) => x.perSecond));
  const ours = best('ours');
  const plain = best('plain');
  const latencyRatio = latency.p99 / ping.p99;
  const throughputRatio = ours / plain;

  process.stdout.write(
    `\nenqueue → start latency, one job at a time (ms)\n${table(
      [
        { title: 'path', align: 'left' },
        { title: 'n', align: 'right' },
        { title: 'p50', align: 'right' },
        { title: 'p99', align: 'right' },
        { title: 'max', align: 'right' },
      ],
      [
        ['Redis PING (ioredis)', ping.n, fmt(ping.p50, 3), fmt(ping.p99, 3), fmt(ping.max, 3)],
        [
          'enqueue() → handler (ours)',
          latency.n,
          fmt(latency.p50, 3),
          fmt(latency.p99, 3),
          fmt(latency.max, 3),
        ],
        [
          'Queue.add → processor (plain BullMQ)',
          plainLat.n,
          fmt(plainLat.p50, 3),
          fmt(plainLat.p99, 3),
          fmt(plainLat.max, 3),
        ],
      ],
    )}\n`,
  );
  process.stdout.write(
    `\nno-op jobs, 50 producers + worker concurrency ${CONCURRENCY}, ${JOBS} jobs per round\n${table(
      [
        { title: 'round', align: 'right' },
        { title: 'path', align: 'left' },
        { title: 'seconds', align: 'right' },
        { title: 'jobs/s', align: 'right' },
      ],
      rounds.map((x, i) => [Math.floor(i / 2) + 1, x.kind, fmt(x.seconds, 2), fmt(x.perSecond, 0)]),
    )}\n`,
  );
  const goals = {
    latencyP99WithinTenPings: latencyRatio <= 10,
    throughputAtLeast80PercentOfPlain: throughputRatio >= 0.8,
  };
  process.stdout.write(
    `\nlatency p99 / PING p99 = ${fmt(latencyRatio, 2)}× (goal ≤ 10×: ${goals.latencyP99WithinTenPings ? 'met' : 'MISSED'})\n` +
      `throughput ours / plain BullMQ (best of ${ROUNDS}) = ${fmt(ours, 0)} / ${fmt(plain, 0)} = ${fmt(throughputRatio * 100, 1)} % (goal ≥ 80 %: ${goals.throughputAtLeast80PercentOfPlain ? 'met' : 'MISSED'})\n`,
  );
  const file = writeResults(resultsDir, 'queue', fileStamp(started), {
    bench: 'queue',
    startedAt: started.toISOString(),
    machine: machineInfo(repoRoot),
    options: { samples: SAMPLES, jobs: JOBS, rounds: ROUNDS, concurrency: CONCURRENCY },
    ping,
    latency,
    plainLatency: plainLat,
    throughput: { rounds, bestOurs: ours, bestPlain: plain },
    ratios: { latencyP99OverPingP99: latencyRatio, throughputOursOverPlain: throughputRatio },
    goals,
  });
  process.stdout.write(`\nresults: ${file}\n`);
  await clearKeys();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`queue bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
