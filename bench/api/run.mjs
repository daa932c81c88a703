#!/usr/bin/env node
// The api bench (pnpm bench:api): builds and starts the api on a database of its own, seeds it
// through the api, then loads six scenarios with autocannon, each next to a raw baseline:
//   (1) hello world on raw node:http        the machine's ceiling for an HTTP answer
//   (2) GET /health                         the api's fixed cost: Express + middleware, no I/O
//   (3) GET /projects/:id/tasks?limit=50    the board list, authenticated
//   (4) the SQL of (3) from raw node:http + pg
//   (5) POST /projects/:id/tasks            creating a task, authenticated
//   (6) one INSERT of a task from raw node:http + pg
//   (1x), (4x) (1) and (4) on the api's Express 5 with no middleware: the framework's own floor
// and checks the goals: (3) ≥ 70% of (4), (5) ≥ 40% of (6), (3) p99 ≤ 1.5 × (4) p99, (2) ≥ 15% of (1).
// A missed goal is a finding (exit 0); only a bench that could not measure exits non-zero.
//
// Options: --duration=10 --warmup=2 --connections=50 --tasks=1000
//          --only=list,list-raw        run only these scenarios (no api-latest.json then)
//          --cpu-prof[=list,create]    afterwards, rerun these api scenarios on an api under
//                                      --cpu-prof and summarise where its time went
import { once } from 'node:events';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuMeter, waitForQuiet } from '../lib/cpu.mjs';
import { measure, healthProblem } from '../lib/measure.mjs';
import { pgWaitSampler } from '../lib/pg-waits.mjs';
import { startNode, stopChild } from '../lib/processes.mjs';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';
import { printSummary, summariseProfile } from '../tools/cpuprofile-top.mjs';
import { buildApi, newJwtSecrets, startApi } from './api-server.mjs';
import { seed } from './seed.mjs';
import { clearRedisPrefix } from '../lib/redis.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = resolve(here, '..');
const repoRoot = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');

// `--cpu-prof` alone means the two api scenarios with goals; a `--` that a package manager passes on is dropped.
const argv = process.argv
  .slice(2)
  .filter((a) => a !== '--')
  .map((a) => (a === '--cpu-prof' ? '--cpu-prof=list,create' : a));
const { values: args } = parseArgs({
  args: argv,
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    tasks: { type: 'string', default: '1000' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    'pool-max': { type: 'string', default: '10' },
    // The scenarios run this many times over, in order: the goals are judged on the median of the
    // rounds' ratios (each from two runs minutes apart), not on one pair the machine happened to favour.
    rounds: { type: 'string', default: '1' },
  },
});

const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const CONNECTIONS = Number(args.connections);
const TASKS = Number(args.tasks);
const POOL_MAX = Number(args['pool-max']);
const ROUNDS = Number(args.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds must be a whole number, 1 or more');

const pgUser = process.env.PGUSER ?? os.userInfo().username;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `postgres://${pgUser}@127.0.0.1:5432/teamflow_bench`;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = 'tf:bench:';

const SCENARIOS = [
  { id: 'hello', n: 1, title: 'hello world, raw node:http', target: 'baseline' },
  { id: 'hello-express', n: '1x', title: 'hello world, bare Express 5', target: 'baseline' },
  { id: 'health', n: 2, title: 'GET /health (api)', target: 'api' },
  { id: 'list', n: 3, title: 'GET /projects/:id/tasks?limit=50 (api)', target: 'api' },
  { id: 'list-raw', n: 4, title: 'same SELECT, raw node:http + pg', target: 'baseline' },
  { id: 'list-express', n: '4x', title: 'same SELECT, bare Express 5 + pg', target: 'baseline' },
  { id: 'create', n: 5, title: 'POST /projects/:id/tasks (api)', target: 'api' },
  { id: 'create-raw', n: 6, title: 'one INSERT, raw node:http + pg', target: 'baseline' },
];

const only = args.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const cpuProf =
  args['cpu-prof']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean) ?? [];
for (const id of [...(only ?? []), ...cpuProf]) {
  if (!SCENARIOS.some((s) => s.id === id))
    throw new Error(`unknown scenario "${id}" (known: ${SCENARIOS.map((s) => s.id).join(', ')})`);
}
for (const id of cpuProf) {
  if (SCENARIOS.find((s) => s.id === id).target !== 'api')
    throw new Error(`--cpu-prof profiles the api; "${id}" runs on the baseline server`);
}
const selected = SCENARIOS.filter((s) => !only || only.includes(s.id));

let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});
const checkInterrupted = () => {
  if (interrupted) throw new Error('interrupted');
};

const log = (msg) => process.stdout.write(`${msg}\n`);

/** Drops the bench database (the api recreates and migrates it) and clears the bench's Redis keys. */
async function resetState() {
  const adminUrl = new URL(DATABASE_URL);
  const name = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
}

async function analyzeDatabase() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query('analyze');
  } finally {
    await client.end();
  }
}

async function postgresVersion() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    return (await client.query('show server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

async function startBaseline(world, logFile) {
  const child = await startNode([join(here, 'baseline-server.mjs')], {
    cwd: benchDir,
    ipc: true,
    logFile,
    env: {
      PATH: process.env.PATH,
      DATABASE_URL,
      DB_POOL_MAX: String(POOL_MAX),
      BENCH_LIST_PROJECT_ID: world.projectId,
      BENCH_INSERT_PROJECT_ID: world.insertProjectId,
      BENCH_WORKSPACE_ID: world.workspaceId,
      BENCH_USER_ID: world.userId,
    },
  });
  const [msg] = await Promise.race([
    once(child, 'message'),
    child.exited.then(() => {
      throw new Error(`the baseline server exited at start (see ${logFile})`);
    }),
  ]);
  return {
    child,
    url: `http://127.0.0.1:${msg.port}`,
    expressUrl: `http://127.0.0.1:${msg.expressPort}`,
    stop: () => stopChild(child),
  };
}

/** The autocannon settings of a scenario, against the running api and baseline. */
function loadFor(id, { api, baseline, world }) {
  const auth = { Authorization: `Bearer ${world.token}` };
  const common = { connections: CONNECTIONS, duration: DURATION, warmup: WARMUP };
  let created = 0;
  const createRequest = (path, headers) => [
    {
      method: 'POST',
      path,
      headers: { 'Content-Type': 'application/json', ...headers },
      setupRequest: (req) => {
        created += 1;
        req.body = JSON.stringify({
          title: `Bench task ${created}`,
          priority: ['low', 'medium', 'high'][created % 3],
        });
        return req;
      },
    },
  ];
  switch (id) {
    case 'hello':
      return { ...common, url: `${baseline.url}/hello` };
    case 'health':
      return { ...common, url: `${api.url}/health` };
    case 'list':
      return {
        ...common,
        url: `${api.url}/api/v1/projects/${world.projectId}/tasks?limit=50`,
        headers: auth,
      };
    case 'list-raw':
      return { ...common, url: `${baseline.url}/tasks` };
    case 'hello-express':
      return { ...common, url: `${baseline.expressUrl}/hello` };
    case 'list-express':
      return { ...common, url: `${baseline.expressUrl}/tasks` };
    case 'create': {
      const path = `/api/v1/projects/${world.projectId}/tasks`;
      return { ...common, url: `${api.url}${path}`, requests: createRequest(path, auth) };
    }
    case 'create-raw':
      return { ...common, url: `${baseline.url}/tasks`, requests: createRequest('/tasks', {}) };
    default:
      throw new Error(`no load for ${id}`);
  }
}

/** Both sides of (3)/(4) must return the same tasks in the same order, or the ratio means nothing. */
async function checkListEquivalence(api, baseline, world) {
  const a = await (
    await fetch(`${api.url}/api/v1/projects/${world.projectId}/tasks?limit=50`, {
      headers: { Authorization: `Bearer ${world.token}` },
    })
  ).json();
  const b = await (await fetch(`${baseline.url}/tasks`)).json();
  const apiIds = a.items.map((t) => t.id);
  const rawIds = b.items.slice(0, 50).map((t) => t.id);
  const withRefs = a.items.filter((t) => t.assigneeIds.length || t.labelIds.length).length;
  if (apiIds.length !== Math.min(50, world.tasks) || JSON.stringify(apiIds) !== JSON.stringify(rawIds)) {
    throw new Error(
      'the raw list query no longer returns what the api returns: re-capture LIST_TASKS_SQL in api/baseline-sql.mjs',
    );
  }
  return {
    sameIds: true,
    items: apiIds.length,
    rawRows: b.items.length,
    itemsWithAssigneesOrLabels: withRefs,
  };
}

/**
 * CPU milliseconds per answered request (server under test, all postgres processes): the cost of
 * one request, which on a shared machine moves much less than req/s (that follows the share of the
 * cores the run happened to get).
 */
function cpuMsPerRequest(fig) {
  if (!fig.cpu || !fig.requests) return null;
  const per = (pct) => Number((((pct / 100) * fig.durationS * 1000) / fig.requests).toFixed(3));
  return { server: per(fig.cpu.server), postgres: per(fig.cpu.postgres) };
}

function ratio(a, b) {
  return a && b ? Number((a.rps / b.rps).toFixed(3)) : null;
}

// The goals of issue 19, all ratios within one run (absolute figures move with the machine's load).
function evaluateGoals(fig) {
  const goals = [];
  const atLeast = (id, goal, value, target) =>
    goals.push({
      id,
      goal,
      value,
      target,
      status: value === null ? 'SKIP' : value >= target ? 'PASS' : 'MISS',
    });
  const listRatio = ratio(fig.list, fig['list-raw']);
  atLeast('list-vs-raw', '(3) >= 70% of (4) req/s', listRatio, 0.7);
  const createRatio = ratio(fig.create, fig['create-raw']);
  atLeast('create-vs-raw', '(5) >= 40% of (6) req/s', createRatio, 0.4);
  // p99 against the raw query's p99 in the same run (Little's law: at 50 connections even the raw
  // query misses a fixed 50 ms on a small machine); the absolute figures stay in the goal text.
  const p99 = fig.list?.latencyMs.p99 ?? null;
  const rawP99 = fig['list-raw']?.latencyMs.p99 ?? null;
  const p99Ratio = p99 !== null && rawP99 ? Number((p99 / rawP99).toFixed(3)) : null;
  goals.push({
    id: 'list-p99',
    goal: `(3) p99 <= 1.5 x (4) p99${p99Ratio === null ? '' : ` (${fmt(p99)} vs ${fmt(rawP99)} ms)`}`,
    value: p99Ratio,
    target: 1.5,
    status: p99Ratio === null ? 'SKIP' : p99Ratio <= 1.5 ? 'PASS' : 'MISS',
  });
  atLeast('health-vs-hello', '(2) >= 15% of (1) req/s', ratio(fig.health, fig.hello), 0.15);
  return { ratios: { 'list/list-raw': listRatio, 'create/create-raw': createRatio }, goals };
}

const medianOf = (values) => {
  const known = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return known.length ? known[Math.floor((known.length - 1) / 2)] : null;
};

/** Each scenario's round with the median req/s (the lower middle one of an even count). */
function medianFigures(rounds) {
  const ids = [...new Set(rounds.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(
    ids.map((id) => {
      const runs = rounds.map((r) => r[id]).filter(Boolean);
      const rps = medianOf(runs.map((f) => f.rps));
      return [id, runs.find((f) => f.rps === rps)];
    }),
  );
}

/** The goals and ratios of several rounds: each the median of the rounds' values, with those values. */
function medianGoals(perRound) {
  const goals = perRound[0].goals.map((g, i) => {
    const values = perRound.map((r) => r.goals[i].value);
    const value = medianOf(values);
    const met =
      g.id === 'list-p99' ? value !== null && value <= g.target : value !== null && value >= g.target;
    return { ...g, value, status: value === null ? 'SKIP' : met ? 'PASS' : 'MISS', rounds: values };
  });
  const ratios = Object.fromEntries(
    Object.keys(perRound[0].ratios).map((k) => [k, medianOf(perRound.map((r) => r.ratios[k]))]),
  );
  return { ratios, goals };
}

function newestProfile(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0];
}

async function main() {
  const startedAt = new Date();
  const stamp = fileStamp(startedAt);
  const apiLog = join(resultsDir, `api-${stamp}.log`);
  const baselineLog = join(resultsDir, `baseline-${stamp}.log`);
  const machine = machineInfo(repoRoot);
  log(
    `api bench: ${machine.cpus} cpus (${machine.cpuModel}), node ${machine.node}; ${DURATION} s per scenario after ${WARMUP} s warm-up, ${CONNECTIONS} connections`,
  );

  if (process.env.BENCH_API_SERVER_JS)
    log(`api bundle: ${process.env.BENCH_API_SERVER_JS} (BENCH_API_SERVER_JS; not rebuilt)`);
  else {
    const build = buildApi(repoRoot);
    log(build.built ? `built apps/api in ${build.ms} ms` : 'apps/api/dist is up to date');
  }

  await resetState();
  log(`reset database ${new URL(DATABASE_URL).pathname.slice(1)} and Redis keys ${REDIS_PREFIX}*`);

  const secrets = newJwtSecrets();
  let api;
  let baseline;
  /** Each round's figures by scenario id. */
  const rounds = [];
  const problems = [];
  const profiles = {};
  let world;
  let equivalence;
  try {
    const apiStart = Date.now();
    api = await startApi({
      repoRoot,
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      redisPrefix: REDIS_PREFIX,
      logFile: apiLog,
      poolMax: POOL_MAX,
      secrets,
    });
    log(`api ready at ${api.url} in ${Date.now() - apiStart} ms (log: ${relative(repoRoot, apiLog)})`);

    world = await seed(api.url, { tasks: TASKS });
    log(
      `seeded through the api: ${world.userIds.length} users, ${world.labelIds.length} labels, ${TASKS} tasks in ${world.seedMs} ms`,
    );
    // Fresh tables have no statistics until autovacuum gets round to them (up to a minute or more):
    // without this the list query sorts the whole project instead of walking tasks_board_idx.
    await analyzeDatabase();
    checkInterrupted();

    baseline = await startBaseline(world, baselineLog);
    equivalence = await checkListEquivalence(api, baseline, world);
    log(
      `list check: api and raw SQL return the same ${equivalence.items} tasks (${equivalence.itemsWithAssigneesOrLabels} with assignees or labels)`,
    );

    for (let round = 0; round < ROUNDS; round++) {
      if (ROUNDS > 1) log(`round ${round + 1} of ${ROUNDS}`);
      const figures = {};
      rounds.push(figures);
      for (const s of selected) {
        checkInterrupted();
        const busyBefore = await waitForQuiet();
        process.stdout.write(`(${s.n}) ${s.title} ... `);
        const server = s.target === 'api' ? api.child.pid : baseline.child.pid;
        const sampler = s.id.startsWith('hello') ? undefined : await pgWaitSampler(DATABASE_URL);
        const fig = await measure({
          ...loadFor(s.id, { api, baseline, world }),
          meter: () => {
            sampler?.start();
            return cpuMeter({ server });
          },
        });
        const pgActivity = await sampler?.stop();
        figures[s.id] = {
          n: s.n,
          title: s.title,
          machineBusyBeforePct: busyBefore,
          ...fig,
          cpuMsPerRequest: cpuMsPerRequest(fig),
          pgActivity,
        };
        const problem = healthProblem(fig);
        if (problem) problems.push(`(${s.n}) ${s.title}: ${problem}`);
        log(
          `${fmt(fig.rps, 0)} req/s, p99 ${fmt(fig.latencyMs.p99, 1)} ms${problem ? `  [FAILED: ${problem}]` : ''}`,
        );
      }
    }
    checkInterrupted();

    if (cpuProf.length) {
      await api.stop();
      api = undefined;
      for (const id of cpuProf) {
        checkInterrupted();
        const s = SCENARIOS.find((x) => x.id === id);
        const dir = join(resultsDir, 'profiles', stamp, id);
        const profiled = await startApi({
          repoRoot,
          databaseUrl: DATABASE_URL,
          redisUrl: REDIS_URL,
          redisPrefix: REDIS_PREFIX,
          logFile: apiLog,
          poolMax: POOL_MAX,
          cpuProfDir: dir,
          secrets,
        });
        process.stdout.write(`profiling (${s.n}) ${s.title} on an api under --cpu-prof ... `);
        let fig;
        try {
          fig = await measure(loadFor(id, { api: profiled, baseline, world }));
        } finally {
          await profiled.stop();
        }
        const problem = healthProblem(fig);
        log(`${fmt(fig.rps, 0)} req/s under the profiler${problem ? `  [FAILED: ${problem}]` : ''}`);
        if (problem) {
          problems.push(`profile of (${s.n}) ${s.title}: ${problem}`);
          continue;
        }
        const file = newestProfile(dir);
        if (!file) {
          problems.push(`profile of ${id}: no .cpuprofile written in ${dir}`);
          continue;
        }
        const summary = summariseProfile(file, { top: 20 });
        summary.file = relative(repoRoot, file);
        printSummary(summary, log);
        profiles[id] = { figuresUnderProfiler: fig, ...summary };
      }
    }
  } finally {
    await Promise.all([api?.stop(), baseline?.stop()]);
    await clearRedisPrefix(REDIS_URL, REDIS_PREFIX).catch(() => undefined);
    // Quiet children leave empty logs behind: keep only logs that say something.
    for (const file of [apiLog, baselineLog]) if (existsSync(file) && statSync(file).size === 0) rmSync(file);
  }

  // ---- report ----
  // One round: its figures. Several: each scenario's median round (by req/s) in the table, and each
  // goal judged on the median of the rounds' own values (a ratio of two runs of the same round).
  const figures = medianFigures(rounds);
  const perRound = rounds.map((r) => evaluateGoals(r));
  const { ratios, goals } = ROUNDS === 1 ? perRound[0] : medianGoals(perRound);
  log('');
  log(
    table(
      [
        { title: 'scenario', align: 'left' },
        { title: 'conns' },
        { title: 'req/s' },
        { title: 'p50 ms' },
        { title: 'p97.5 ms' },
        { title: 'p99 ms' },
        { title: 'max ms' },
        { title: 'requests' },
        { title: 'non-2xx' },
        { title: 'errors' },
        { title: 'cpu% srv/pg/gen/other' },
        { title: 'cpu ms/req srv/pg' },
      ],
      selected
        .filter((s) => figures[s.id])
        .map((s) => {
          const f = figures[s.id];
          const c = f.cpu;
          const cpu = c ? `${c.server}/${c.postgres}/${c.loadGenerator}/${c.other}` : '-';
          return [
            `(${s.n}) ${s.title}`,
            f.connections,
            fmt(f.rps, 0),
            fmt(f.latencyMs.p50),
            fmt(f.latencyMs.p97_5),
            fmt(f.latencyMs.p99),
            fmt(f.latencyMs.max),
            f.requests,
            f.non2xx,
            f.errors,
            cpu,
            f.cpuMsPerRequest
              ? `${fmt(f.cpuMsPerRequest.server, 3)}/${fmt(f.cpuMsPerRequest.postgres, 3)}`
              : '-',
          ];
        }),
    ),
  );
  log(
    'cpu%: share of one core during the measured run: server under test / all postgres processes / autocannon (this process) / everything else.',
  );
  log(
    'cpu ms/req: CPU time per answered request of the server under test / of postgres (steadier than req/s on a busy machine).',
  );
  const contended = selected.filter(
    (s) =>
      figures[s.id] &&
      ((figures[s.id].machineBusyBeforePct ?? 0) > 20 || (figures[s.id].cpu?.other ?? 0) > 25),
  );
  if (contended.length) {
    log(
      `WARNING: other work shared the machine during ${contended.map((s) => `(${s.n})`).join(' ')} (busy before start, or "other" cpu high): treat those figures as low-confidence.`,
    );
  }
  const withActivity = selected.filter((s) => figures[s.id]?.pgActivity);
  if (withActivity.length) {
    log('');
    log(
      'database connections during each run (average number in each state, from pg_stat_activity every 50 ms):',
    );
    for (const s of withActivity) {
      const states = figures[s.id].pgActivity.states.slice(0, 4).map((x) => `${x.avgConnections} ${x.what}`);
      log(`  (${s.n}) ${states.join(' | ') || 'no connections seen'}`);
    }
  }
  log('');
  const pct = (v) => (v === null ? '-' : `${(v * 100).toFixed(1)}%`);
  log(`ratio (3)/(4) list vs raw SQL:     ${pct(ratios['list/list-raw'])}`);
  log(`ratio (5)/(6) create vs raw INSERT: ${pct(ratios['create/create-raw'])}`);
  if (figures.health && figures.hello)
    log(
      `ratio (2)/(1) /health vs hello:     ${pct(goals.find((g) => g.id === 'health-vs-hello').value)}  (the api's fixed per-request cost)`,
    );
  // Not goals: how much of each gap is the framework's own (Express with nothing in it).
  for (const [label, a, b] of [
    ['(1x)/(1) bare Express vs hello:   ', 'hello-express', 'hello'],
    ['(2)/(1x) /health vs bare Express:  ', 'health', 'hello-express'],
    ['(4x)/(4) bare Express list vs raw:', 'list-express', 'list-raw'],
    ['(3)/(4x) list vs bare Express list:', 'list', 'list-express'],
  ]) {
    if (figures[a] && figures[b]) log(`ratio ${label} ${pct(ratio(figures[a], figures[b]))}`);
  }
  log('');
  log(
    table(
      [
        { title: 'goal', align: 'left' },
        { title: ROUNDS > 1 ? 'median' : 'measured' },
        { title: 'result', align: 'left' },
        ...(ROUNDS > 1 ? [{ title: 'rounds', align: 'left' }] : []),
      ],
      goals.map((g) => {
        const shown = (v) => (g.id === 'list-p99' ? (v === null ? '-' : `${fmt(v, 2)} x`) : pct(v));
        return [g.goal, shown(g.value), g.status, ...(ROUNDS > 1 ? [g.rounds.map(shown).join(' ')] : [])];
      }),
    ),
  );

  const partial = Boolean(only);
  const result = {
    bench: 'api',
    timestamp: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: { ...machine, postgres: await postgresVersion().catch(() => undefined) },
    apiBundle: process.env.BENCH_API_SERVER_JS ?? 'apps/api/dist/server.js',
    // apps/api/node-flags.json's flags, then these (api-server.mjs#startApi).
    apiExtraNodeArgs: process.env.BENCH_API_NODE_ARGS ?? '',
    settings: {
      durationS: DURATION,
      warmupS: WARMUP,
      connections: CONNECTIONS,
      seededTasks: TASKS,
      dbPoolMax: POOL_MAX,
      nodeEnv: 'production',
      only: only ?? null,
      rounds: ROUNDS,
    },
    listCheck: equivalence ?? null,
    scenarios: figures,
    ratios: {
      ...ratios,
      'health/hello': ratio(figures.health, figures.hello),
      'hello-express/hello': ratio(figures['hello-express'], figures.hello),
      'health/hello-express': ratio(figures.health, figures['hello-express']),
      'list-express/list-raw': ratio(figures['list-express'], figures['list-raw']),
      'list/list-express': ratio(figures.list, figures['list-express']),
    },
    goals,
    rounds: ROUNDS > 1 ? rounds.map((r, i) => ({ scenarios: r, ...perRound[i] })) : undefined,
    lowConfidence: contended.map((s) => s.id),
    profiles: Object.keys(profiles).length ? profiles : undefined,
    problems,
    logs: Object.fromEntries(
      [
        ['api', apiLog],
        ['baseline', baselineLog],
      ]
        .filter(([, f]) => existsSync(f))
        .map(([k, f]) => [k, relative(repoRoot, f)]),
    ),
  };
  const file = writeResults(resultsDir, 'api', stamp, result, { latest: !partial && problems.length === 0 });
  log('');
  log(
    `results: ${relative(repoRoot, file)}${!partial && problems.length === 0 ? ' and bench/results/api-latest.json' : ''}`,
  );
  if (problems.length) {
    log(`\nthe bench could not measure everything:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const missed = goals.filter((g) => g.status === 'MISS');
  if (missed.length)
    log(
      `${missed.length} goal(s) missed: a finding, not a failure (rerun with --cpu-prof to see where the time goes)`,
    );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`api bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
