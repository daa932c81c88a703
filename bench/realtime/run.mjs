#!/usr/bin/env node
// The realtime bench (pnpm bench:realtime): two api instances on one database and one Redis, many
// idle sockets spread over project rooms, one task update per room per second made through the
// REST api, and the time from the change to each socket's receipt. Next to it, in the same run,
// the same load on ONE instance with Socket.io's in-memory adapter (REALTIME_ADAPTER=memory), a raw
// ioredis publish→subscribe round trip (the floor for any cross-instance fan-out), and the api's
// heap per idle socket.
//
// Latency is receipt time minus the event's `at` (stamped inside the writing transaction, just
// before commit), on one clock. Heap per socket: the api runs with --expose-gc and a preloaded
// probe (heap-probe.cjs) that, on SIGUSR2, runs full GCs and writes process.memoryUsage(); the
// figure is the heapUsed delta across connecting the sockets, divided by their number. RSS is
// reported next to it (it also holds socket buffers and allocator slack).
//
// Options: --sockets=2000 --rooms=50 --duration=15 --burst
// Goals: p99 ≤ 100 ms; Redis adapter p99 ≤ 1.5× in-memory; ≤ 15 KB heap per idle socket.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { io } from 'socket.io-client';
import { buildApi, newJwtSecrets, startApi } from '../api/api-server.mjs';
import { ApiClient } from '../api/seed.mjs';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const resultsDir = join(repoRoot, 'bench', 'results');
const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sockets: { type: 'string', default: '2000' },
    rooms: { type: 'string', default: '50' },
    duration: { type: 'string', default: '15' },
    burst: { type: 'boolean', default: false },
  },
  strict: false,
});
const SOCKETS = Number(args.sockets);
const ROOMS = Number(args.rooms);
const DURATION_S = Number(args.duration);
// Rooms are independent boards, so by default each room's update lands at its own phase of the
// second (room i at i × 1000/ROOMS ms). --burst sends all of them at the same instant instead: the
// worst case, where one second's whole fan-out queues up at once.
const BURST = args.burst === true;
const pgUser = process.env.PGUSER ?? os.userInfo().username;
const databaseUrl =
  process.env.BENCH_RT_DATABASE_URL ?? `postgres://${pgUser}@127.0.0.1:5432/teamflow_bench_rt`;
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = 'tf:bench-rt:';

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
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

async function recreateDatabase() {
  const admin = new pg.Client({ connectionString: databaseUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query('drop database if exists teamflow_bench_rt with (force)');
  await admin.query('create database teamflow_bench_rt');
  await admin.end();
}

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

/** ioredis PUBLISH → SUBSCRIBE round trip on loopback: the floor under any cross-instance delivery. */
async function redisRoundTrip(samples = 2000) {
  const sub = new Redis(redisUrl);
  const pub = new Redis(redisUrl);
  const channel = `${prefix}rtt`;
  const times = [];
  await sub.subscribe(channel);
  let resolveOne;
  sub.on('message', (_c, message) => {
    times.push(Number(process.hrtime.bigint() - BigInt(message)) / 1e6);
    resolveOne?.();
  });
  for (let i = 0; i < samples; i++) {
    const got = new Promise((r) => (resolveOne = r));
    await pub.publish(channel, String(process.hrtime.bigint()));
    await got;
  }
  sub.disconnect();
  pub.disconnect();
  return summary(times);
}

const probe = join(dirname(fileURLToPath(import.meta.url)), 'heap-probe.cjs');

/** The api's heap after full GCs, through the preloaded probe (see heap-probe.cjs). */
async function heapUsed(api) {
  rmSync(api.heapFile, { force: true });
  process.kill(api.child.pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (!existsSync(api.heapFile)) {
    if (Date.now() > deadline) throw new Error('the heap probe did not answer');
    await sleep(50);
  }
  await sleep(50);
  return JSON.parse(readFileSync(api.heapFile, 'utf8')).heapUsed;
}

async function startProbedApi(common, name, started, extraEnv = {}) {
  const heapFile = join(os.tmpdir(), `tf-bench-heap-${process.pid}-${name}.json`);
  const api = await startApi({
    ...common,
    logFile: join(resultsDir, `realtime-${name}-${fileStamp(started)}.log`),
    nodeArgs: ['--expose-gc', '--require', probe],
    extraEnv: { BENCH_HEAP_FILE: heapFile, ...extraEnv },
  });
  return { ...api, heapFile };
}

/** Connects SOCKETS sockets spread over the apis and rooms, then one update per room per second. */
async function runPhase(label, apis, token, rooms) {
  const sockets = [];
  try {
    await sleep(1000);
    const rssBefore = apis.reduce((sum, api) => sum + rssKb(api.child.pid), 0);
    let heapBefore = 0;
    for (const api of apis) heapBefore += await heapUsed(api);
    const latencies = [];
    let received = 0;
    for (let i = 0; i < SOCKETS; i += 100) {
      const batch = [];
      for (let j = i; j < Math.min(SOCKETS, i + 100); j++) {
        const socket = io(apis[j % apis.length].url, {
          path: '/socket.io',
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
        });
        socket.onAny((type, event) => {
          if (type !== 'TASK_UPDATED') return;
          received++;
          latencies.push(Date.now() - Date.parse(event.at));
        });
        sockets.push(socket);
        const room = `project:${rooms[j % ROOMS].projectId}`;
        batch.push(
          new Promise((resolve, reject) => {
            socket.once('connect_error', reject);
            socket.once('connect', () =>
              socket.timeout(10_000).emitWithAck('join', [room]).then(resolve, reject),
            );
          }),
        );
      }
      await Promise.all(batch);
    }
    await sleep(3000);
    const rssAfter = apis.reduce((sum, api) => sum + rssKb(api.child.pid), 0);
    let heapAfter = 0;
    for (const api of apis) heapAfter += await heapUsed(api);
    const rssPerSocketKb = (rssAfter - rssBefore) / SOCKETS;
    const heapPerSocketKb = (heapAfter - heapBefore) / 1024 / SOCKETS;
    process.stdout.write(
      `[${label}] ${SOCKETS} sockets joined ${ROOMS} rooms; heap +${fmt(heapPerSocketKb, 2)} KB, ` +
        `RSS +${fmt(rssPerSocketKb, 2)} KB per socket\n`,
    );

    // Load: one update per room per second, alternating instances, for DURATION_S seconds.
    let sent = 0;
    let conflicts = 0;
    const end = Date.now() + DURATION_S * 1000;
    while (Date.now() < end) {
      const tick = Date.now();
      await Promise.all(
        rooms.map(async (room, i) => {
          if (!BURST) await sleep((i * 1000) / ROOMS);
          const client = new ApiClient(apis[i % apis.length].url, token);
          try {
            const task = await client.call(
              'PATCH',
              `/api/v1/tasks/${room.taskId}`,
              { title: `Update ${sent}`, version: room.version },
              200,
            );
            room.version = task.version;
            sent++;
          } catch {
            conflicts++;
          }
        }),
      );
      await sleep(Math.max(0, 1000 - (Date.now() - tick)));
    }
    await sleep(2000);
    return {
      sent,
      conflicts,
      expected: sent * (SOCKETS / ROOMS),
      received,
      delivery: summary(latencies),
      rssPerSocketKb,
      heapPerSocketKb,
    };
  } finally {
    for (const s of sockets) s.disconnect();
  }
}

async function main() {
  const started = new Date();
  buildApi(repoRoot);
  await recreateDatabase();
  await clearKeys();
  const secrets = newJwtSecrets();
  const common = { repoRoot, databaseUrl, redisUrl, redisPrefix: prefix, poolMax: 10, secrets };
  let apis = [
    await startProbedApi(common, 'a', started, { REALTIME_ADAPTER: 'redis' }),
    await startProbedApi(common, 'b', started, { REALTIME_ADAPTER: 'redis' }),
  ];
  try {
    process.stdout.write(`api instances at ${apis.map((a) => a.url).join(' and ')}\n`);
    process.stdout.write(
      `load: ${BURST ? 'every room updated at the same instant (--burst)' : 'each room updated once a second at its own phase'}\n`,
    );
    const anon = new ApiClient(apis[0].url);
    const owner = await anon.call(
      'POST',
      '/api/v1/auth/register',
      { email: 'rt-owner@bench.test', name: 'Bench Owner', password: 'bench-pass-1' },
      201,
    );
    const api = anon.as(owner.accessToken);
    const ws = await api.call('POST', '/api/v1/workspaces', { name: 'Realtime bench' }, 201);
    const rooms = [];
    for (let i = 0; i < ROOMS; i++) {
      const project = await api.call(
        'POST',
        `/api/v1/workspaces/${ws.id}/projects`,
        { name: `Room ${i}`, key: `R${i}` },
        201,
      );
      const task = await api.call(
        'POST',
        `/api/v1/projects/${project.id}/tasks`,
        { title: `Task in room ${i}` },
        201,
      );
      rooms.push({ projectId: project.id, taskId: task.id, version: task.version });
    }

    const redisPhase = await runPhase('2 instances, Redis adapter', apis, owner.accessToken, rooms);
    await Promise.all(apis.map((a) => a.stop()));
    apis = [await startProbedApi(common, 'memory', started, { REALTIME_ADAPTER: 'memory' })];
    const memoryPhase = await runPhase('1 instance, in-memory adapter', apis, owner.accessToken, rooms);
    const rtt = await redisRoundTrip();

    const ratio =
      redisPhase.delivery.p99 !== null && memoryPhase.delivery.p99
        ? redisPhase.delivery.p99 / memoryPhase.delivery.p99
        : null;
    const figures = {
      sockets: SOCKETS,
      rooms: ROOMS,
      load: BURST
        ? 'burst: every room updated at the same instant'
        : 'staggered: room i at i × 1000/rooms ms',
      redisAdapter: redisPhase,
      inMemoryAdapter: memoryPhase,
      redisPubSubRoundTripMs: rtt,
      p99RatioRedisToMemory: ratio,
      method: {
        latency: 'receipt Date.now() minus event.at (set in the writing transaction just before commit)',
        heap: 'heapUsed after two forced full GCs (--expose-gc, SIGUSR2 probe), delta across connecting, / sockets',
      },
    };
    const goals = [
      {
        goal: 'p99 commit→receipt ≤ 100 ms (Redis adapter, 2 instances)',
        measured: `${fmt(redisPhase.delivery.p99, 0)} ms`,
        ok: redisPhase.delivery.p99 !== null && redisPhase.delivery.p99 <= 100,
      },
      {
        goal: 'Redis adapter p99 ≤ 1.5× in-memory',
        measured: ratio === null ? 'n/a' : `${fmt(ratio, 2)}×`,
        ok: ratio !== null && ratio <= 1.5,
      },
      {
        goal: '≤ 15 KB heap per idle socket',
        measured: `${fmt(redisPhase.heapPerSocketKb, 2)} KB`,
        ok: redisPhase.heapPerSocketKb <= 15,
      },
      {
        goal: 'every receipt arrives',
        measured: `${redisPhase.received}/${redisPhase.expected}, ${memoryPhase.received}/${memoryPhase.expected}`,
        ok: redisPhase.received === redisPhase.expected && memoryPhase.received === memoryPhase.expected,
      },
    ];
    const row = (name, d) => [name, fmt(d.p50, 0), fmt(d.p99, 0), fmt(d.max, 0), String(d.n)];
    process.stdout.write(
      `\n${table(
        [
          { title: 'measure', align: 'left' },
          { title: 'p50 ms' },
          { title: 'p99 ms' },
          { title: 'max ms' },
          { title: 'n' },
        ],
        [
          row('change → socket receipt (2 instances, Redis adapter)', redisPhase.delivery),
          row('change → socket receipt (1 instance, in-memory adapter)', memoryPhase.delivery),
          [
            'raw ioredis publish → subscribe',
            fmt(rtt.p50, 2),
            fmt(rtt.p99, 2),
            fmt(rtt.max, 2),
            String(rtt.n),
          ],
        ],
      )}\n`,
    );
    process.stdout.write(
      `\nper idle socket: Redis adapter heap ${fmt(redisPhase.heapPerSocketKb, 2)} KB (RSS ${fmt(redisPhase.rssPerSocketKb, 2)} KB); ` +
        `in-memory heap ${fmt(memoryPhase.heapPerSocketKb, 2)} KB (RSS ${fmt(memoryPhase.rssPerSocketKb, 2)} KB)\n`,
    );
    process.stdout.write(
      `\n${table(
        [{ title: 'goal', align: 'left' }, { title: 'measured' }, { title: 'result', align: 'left' }],
        goals.map((g) => [g.goal, g.measured, g.ok === null ? 'SKIP' : g.ok ? 'PASS' : 'MISS']),
      )}\n`,
    );
    const file = writeResults(resultsDir, 'realtime', fileStamp(started), {
      bench: 'realtime',
      timestamp: started.toISOString(),
      machine: machineInfo(repoRoot),
      settings: { sockets: SOCKETS, rooms: ROOMS, durationS: DURATION_S },
      figures,
      goals,
    });
    process.stdout.write(`results: ${file}\n`);
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
  }
}

main().catch((error) => {
  process.stderr.write(`realtime bench failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
