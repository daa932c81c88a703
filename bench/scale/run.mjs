#!/usr/bin/env node
// The scale bench (npm run bench:scale): the board list, GET /projects/:id/tasks?limit=50, through
// nginx in front of 1, 2 and 3 api instances, then 1 and 3 with a streaming replica taking the
// reads (DATABASE_REPLICA_URL), in one run on one database, as ratios against the 1-instance
// figure. Also one instance without nginx, so nginx's own cost shows. Everything runs
// as `npm run topology` runs it (startTopology: built api processes, PgBouncer in transaction
// mode); the three instances stay up throughout and each scenario puts a fresh nginx in front of
// the first k of them, so idle ones cost only their relays' polling.
//
// On a two-core machine the api instances, PostgreSQL, PgBouncer, nginx and autocannon share two
// cores: expect the ratio to flatten, not to triple. The ratio is the finding; exit 0 unless the
// bench could not measure.
//
// Options: --duration=10 --warmup=2 --connections=50 --tasks=1000 --rounds=2
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startNginx } from '@teamflow/local-services';
import { startTopology } from '@teamflow/topology';
import { buildApi } from '../api/api-server.mjs';
import { seed } from '../api/seed.mjs';
import { cpuMeter, waitForQuiet } from '../lib/cpu.mjs';
import { healthProblem, measure } from '../lib/measure.mjs';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';
import { clearRedisPrefix } from '../lib/redis.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = resolve(here, '..');
const repoRoot = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    tasks: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '2' },
  },
});
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const TASKS = Number(args.tasks);
const ROUNDS = Number(args.rounds);
const POOL_MAX = 10;

// The database lives on the topology's own PostgreSQL primary (made for the run, with its
// streaming replica, and removed after): every scenario reads the same data on the same server.
const DATABASE_URL = 'postgres://127.0.0.1:5432/teamflow_bench_scale';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = 'tf:bench-scale:';

const log = (msg) => process.stdout.write(`${msg}\n`);

async function analyzeDatabase(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

/** The one worker process of the nginx whose master is `pid` (Linux), else the master itself. */
function nginxWorkerPid(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return Number(children[0]) || pid;
  } catch {
    return pid;
  }
}

const instanceNames = (n) => Array.from({ length: n }, (_, i) => `api-${i + 1}`);

async function main() {
  const startedAt = new Date();
  const stamp = fileStamp(startedAt);
  const machine = machineInfo(repoRoot);
  log(
    `scale bench: ${machine.cpus} cpus (${machine.cpuModel}), load ${machine.loadAvg.join(' ')}; ${DURATION} s per scenario after ${WARMUP} s warm-up, ${CONNECTIONS} connections`,
  );
  const build = buildApi(repoRoot);
  log(build.built ? `built apps/api in ${build.ms} ms` : 'apps/api/dist is up to date');
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);

  const figures = {};
  const problems = [];
  let topology;
  try {
    topology = await startTopology({
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      redisKeyPrefix: REDIS_PREFIX,
      replica: true,
      apis: 3,
      workers: 0,
      env: {
        DB_POOL_MAX: String(POOL_MAX),
        RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000000',
        RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
        LOGIN_LOCKOUT_ATTEMPTS: '1000000',
      },
    });
    log('PostgreSQL primary + streaming replica, PgBouncer, 3 api instances ready');
    const world = await seed(topology.url, { tasks: TASKS });
    await analyzeDatabase(topology.databaseUrl);
    log(`seeded through nginx: ${TASKS} tasks in ${world.seedMs} ms`);

    const path = `/api/v1/projects/${world.projectId}/tasks?limit=50`;
    const scenarios = [
      { id: 'direct-1', title: '1 instance, no nginx', instances: 1, nginx: false, replica: false },
      { id: 'nginx-1', title: '1 instance behind nginx', instances: 1, nginx: true, replica: false },
      { id: 'nginx-2', title: '2 instances behind nginx', instances: 2, nginx: true, replica: false },
      { id: 'nginx-3', title: '3 instances behind nginx', instances: 3, nginx: true, replica: false },
      {
        id: 'nginx-1-replica',
        title: '1 instance behind nginx, replica reads',
        instances: 1,
        nginx: true,
        replica: true,
      },
      {
        id: 'nginx-3-replica',
        title: '3 instances behind nginx, replica reads',
        instances: 3,
        nginx: true,
        replica: true,
      },
    ];
    // Without, then with the replica taking reads: the instances are restarted between the two
    // groups (DATABASE_REPLICA_URL is read at start), so each group's rounds run back to back.
    for (const withReplica of [false, true]) {
      const group = scenarios.filter((s) => s.replica === withReplica);
      await Promise.all(
        topology.apis.map(async (api) => {
          await api.stop();
          await api.start(withReplica ? {} : { DATABASE_REPLICA_URL: '' });
        }),
      );
      log(
        withReplica
          ? 'api instances restarted reading the replica'
          : 'api instances restarted reading only the primary',
      );
      // Rounds alternate the order (1→3, then 3→1, …) and each scenario keeps its best round, so a
      // burst of other work on a shared machine does not decide a ratio on its own.
      for (let round = 1; round <= ROUNDS; round++) {
        const ordered = round % 2 ? group : [...group].reverse();
        for (const s of ordered) {
          const apis = topology.apis.slice(0, s.instances);
          const balancer = s.nginx
            ? await startNginx({ upstreams: apis.map((a) => `127.0.0.1:${a.port}`) })
            : undefined;
          try {
            const busyBefore = await waitForQuiet();
            process.stdout.write(`round ${round}: ${s.title} ... `);
            const pids = Object.fromEntries(apis.map((a) => [a.name, a.pid]));
            // nginx's requests run in its worker process, a child of the master it started.
            if (balancer) pids.nginx = nginxWorkerPid(balancer.pid);
            pids.pgbouncer = topology.pgbouncer.pid;
            const fig = await measure({
              url: `${balancer?.url ?? apis[0].url}${path}`,
              headers: { Authorization: `Bearer ${world.token}` },
              connections: CONNECTIONS,
              duration: DURATION,
              warmup: WARMUP,
              meter: () => cpuMeter(pids),
            });
            const run = { round, machineBusyBeforePct: busyBefore, ...fig };
            const problem = healthProblem(fig);
            if (problem) problems.push(`round ${round}, ${s.title}: ${problem}`);
            const best = figures[s.id];
            const rounds = [...(best?.rounds ?? []), run];
            figures[s.id] = !best || fig.rps > best.rps ? { ...s, ...run, rounds } : { ...best, rounds };
            log(
              `${fmt(fig.rps, 0)} req/s, p99 ${fmt(fig.latencyMs.p99, 1)} ms${problem ? `  [FAILED: ${problem}]` : ''}`,
            );
          } finally {
            await balancer?.close();
          }
        }
      }
    }
  } finally {
    await topology?.stop();
    await clearRedisPrefix(REDIS_URL, REDIS_PREFIX).catch(() => undefined);
  }

  const base = figures['nginx-1']?.rps;
  const ratios = Object.fromEntries(
    Object.entries(figures).map(([id, f]) => [id, base ? Number((f.rps / base).toFixed(3)) : null]),
  );
  log('');
  log(
    table(
      [
        { title: 'scenario', align: 'left' },
        { title: 'best req/s' },
        { title: 'vs 1 behind nginx' },
        { title: 'p50 ms' },
        { title: 'p99 ms' },
        { title: 'non-2xx' },
        { title: 'busy before %' },
        { title: 'cpu% apis/nginx/pgb/pg/gen/other' },
      ],
      Object.entries(figures).map(([id, f]) => {
        const c = f.cpu;
        const apiCpu = c
          ? instanceNames(f.instances)
              .map((n) => c[n])
              .join('+')
          : '-';
        return [
          f.title,
          fmt(f.rps, 0),
          ratios[id] === null ? '-' : `${ratios[id].toFixed(2)}x`,
          fmt(f.latencyMs.p50),
          fmt(f.latencyMs.p99),
          f.non2xx,
          f.machineBusyBeforePct ?? '-',
          c ? `${apiCpu}/${c.nginx ?? '-'}/${c.pgbouncer}/${c.postgres}/${c.loadGenerator}/${c.other}` : '-',
        ];
      }),
    ),
  );
  log('cpu%: share of one core during the measured run (200% = both cores of a two-core machine).');
  const busy = Object.values(figures).filter(
    (f) => (f.machineBusyBeforePct ?? 0) > 20 || (f.cpu?.other ?? 0) > 25,
  );
  if (busy.length)
    log(
      `WARNING: other work shared the machine during ${busy.map((f) => f.title).join(', ')}: low-confidence figures.`,
    );

  const result = {
    bench: 'scale',
    timestamp: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    settings: {
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      seededTasks: TASKS,
      dbPoolMax: POOL_MAX,
    },
    endpoint: 'GET /api/v1/projects/:id/tasks?limit=50',
    scenarios: figures,
    ratiosVsOneInstanceBehindNginx: ratios,
    lowConfidence: busy.map((f) => f.id),
    problems,
  };
  const file = writeResults(resultsDir, 'scale', stamp, result, { latest: problems.length === 0 });
  log(`\nresults: ${relative(repoRoot, file)}`);
  if (problems.length) {
    log(`\nthe bench could not measure everything:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`scale bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
