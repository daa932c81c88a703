#!/usr/bin/env node
// Side-by-side comparison of two api bundles (pnpm bench:api-ab), for a machine whose load moves
// under you: both bundles run AT THE SAME TIME on one database, each loaded by half the
// connections, so whatever else the machine does hits both alike. What differs between them is
// the cost of their own code: B's req/s over A's, and CPU ms per request of each.
//
//   node api/ab.mjs --a=/tmp/before/server.js --b=/tmp/after/server.js --scenarios=health,list,create
//
// Build a bundle with `node build.mjs` in apps/api and copy apps/api/dist somewhere (it resolves its
// npm dependencies from apps/api/node_modules). Options: --duration=10 --warmup=2 --rounds=3
// --connections=50 (split evenly) --tasks=1000 --create-projects=N (creates round-robin over N
// fresh projects instead of all in one), --a-node-args / --b-node-args. Results: bench/results/ab-<stamp>.json.
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { cpuMeter } from '../lib/cpu.mjs';
import { measure } from '../lib/measure.mjs';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';
import { newJwtSecrets, startApi } from './api-server.mjs';
import { seed } from './seed.mjs';
import { clearRedisPrefix } from '../lib/redis.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = resolve(here, '..');
const repoRoot = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    // Node/V8 flags for one side (space-separated), e.g. --b-node-args=--max-semi-space-size=32:
    // the same bundle twice, A/B of a runtime setting.
    'a-node-args': { type: 'string', default: '' },
    'b-node-args': { type: 'string', default: '' },
    scenarios: { type: 'string', default: 'health,list,create' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    tasks: { type: 'string', default: '1000' },
    // Creates spread over this many fresh projects (both sides alike) instead of all in BENCH:
    // each project's task counter row serialises its creates, which hides any other lock.
    'create-projects': { type: 'string', default: '0' },
  },
});
if (!args.a || !args.b) throw new Error('give both bundles: --a=<server.js> --b=<server.js>');
const SCENARIOS = args.scenarios.split(',').map((s) => s.trim());
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
const ROUNDS = Number(args.rounds);
const HALF = Math.max(1, Math.floor(Number(args.connections) / 2));

const pgUser = process.env.PGUSER ?? os.userInfo().username;
const DATABASE_URL =
  process.env.BENCH_AB_DATABASE_URL ?? `postgres://${pgUser}@127.0.0.1:5432/teamflow_bench_ab`;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = 'tf:bench-ab:';
const log = (msg) => process.stdout.write(`${msg}\n`);

async function sql(url, text) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function load(id, api, world) {
  const auth = { Authorization: `Bearer ${world.token}` };
  const common = { connections: HALF, duration: DURATION, warmup: WARMUP };
  if (id === 'health') return { ...common, url: `${api.url}/health` };
  if (id === 'list')
    return { ...common, url: `${api.url}/api/v1/projects/${world.projectId}/tasks?limit=50`, headers: auth };
  if (id === 'create') {
    const projects = world.createProjectIds?.length ? world.createProjectIds : [world.projectId];
    const path = `/api/v1/projects/${world.projectId}/tasks`;
    let n = 0;
    const requests = [
      {
        method: 'POST',
        path,
        headers: { 'Content-Type': 'application/json', ...auth },
        setupRequest: (req) => {
          n += 1;
          req.path = `/api/v1/projects/${projects[n % projects.length]}/tasks`;
          req.body = JSON.stringify({ title: `AB task ${api.port}-${n}`, priority: 'medium' });
          return req;
        },
      },
    ];
    return { ...common, url: `${api.url}${path}`, requests };
  }
  throw new Error(`unknown scenario ${id} (health, list, create)`);
}

const msPerRequest = (fig, pct) => ((pct / 100) * fig.durationS * 1000) / Math.max(1, fig.requests);

async function main() {
  const startedAt = new Date();
  const stamp = fileStamp(startedAt);
  log(
    `api A/B: A=${args.a}\n         B=${args.b}\n         load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const adminUrl = new URL(DATABASE_URL);
  const dbName = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = '/postgres';
  await sql(adminUrl.toString(), `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`);
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);
  const secrets = newJwtSecrets();
  const start = async (entry, tag) => {
    process.env.BENCH_API_SERVER_JS = entry;
    return startApi({
      nodeArgs: args[`${tag}-node-args`].split(' ').filter(Boolean),
      repoRoot,
      databaseUrl: DATABASE_URL,
      redisUrl: REDIS_URL,
      redisPrefix: REDIS_PREFIX,
      logFile: join(resultsDir, `ab-${tag}-${stamp}.log`),
      poolMax: 5,
      secrets,
    });
  };
  const apiA = await start(args.a, 'a');
  const apiB = await start(args.b, 'b');
  const rows = [];
  try {
    const world = await seed(apiA.url, { tasks: Number(args.tasks) });
    world.createProjectIds = [];
    for (let i = 0; i < Number(args['create-projects']); i++) {
      const res = await fetch(`${apiA.url}/api/v1/workspaces/${world.workspaceId}/projects`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${world.token}` },
        body: JSON.stringify({ name: `AB ${i}`, key: `AB${i}` }),
      });
      if (res.status !== 201) throw new Error(`project ${i}: ${res.status} ${await res.text()}`);
      world.createProjectIds.push((await res.json()).id);
    }
    await sql(DATABASE_URL, 'analyze');
    for (let round = 1; round <= ROUNDS; round++) {
      for (const id of SCENARIOS) {
        const [a, b] = await Promise.all(
          [apiA, apiB].map((api) =>
            measure({ ...load(id, api, world), meter: () => cpuMeter({ server: api.child.pid }) }),
          ),
        );
        const row = {
          round,
          scenario: id,
          a: {
            rps: a.rps,
            p99: a.latencyMs.p99,
            non2xx: a.non2xx,
            cpuMsPerRequest: msPerRequest(a, a.cpu?.server ?? 0),
          },
          b: {
            rps: b.rps,
            p99: b.latencyMs.p99,
            non2xx: b.non2xx,
            cpuMsPerRequest: msPerRequest(b, b.cpu?.server ?? 0),
          },
          postgresPct: a.cpu?.postgres ?? null,
          otherPct: a.cpu ? Math.max(0, a.cpu.other - (b.cpu?.server ?? 0)) : null,
          rpsBOverA: Number((b.rps / a.rps).toFixed(3)),
        };
        rows.push(row);
        log(
          `round ${round} ${id.padEnd(6)} A ${fmt(a.rps, 0)} req/s ${fmt(row.a.cpuMsPerRequest, 3)} ms/req | B ${fmt(b.rps, 0)} req/s ${fmt(row.b.cpuMsPerRequest, 3)} ms/req | B/A ${fmt(row.rpsBOverA, 2)}`,
        );
      }
    }
  } finally {
    await Promise.all([apiA.stop(), apiB.stop()]);
    await clearRedisPrefix(REDIS_URL, REDIS_PREFIX).catch(() => undefined);
  }
  const median = (xs) => {
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.floor((s.length - 1) / 2)];
  };
  const summary = SCENARIOS.map((id) => {
    const mine = rows.filter((r) => r.scenario === id);
    return {
      scenario: id,
      rpsBOverA: median(mine.map((r) => r.rpsBOverA)),
      cpuMsA: Number(median(mine.map((r) => r.a.cpuMsPerRequest)).toFixed(3)),
      cpuMsB: Number(median(mine.map((r) => r.b.cpuMsPerRequest)).toFixed(3)),
    };
  });
  log('');
  log(
    table(
      [
        { title: 'scenario', align: 'left' },
        { title: 'B/A req/s (median)' },
        { title: 'A cpu ms/req' },
        { title: 'B cpu ms/req' },
      ],
      summary.map((s) => [s.scenario, fmt(s.rpsBOverA, 2), fmt(s.cpuMsA, 3), fmt(s.cpuMsB, 3)]),
    ),
  );
  const file = writeResults(
    resultsDir,
    'ab',
    stamp,
    {
      bench: 'api-ab',
      timestamp: startedAt.toISOString(),
      machine: machineInfo(repoRoot),
      loadAverage: os.loadavg(),
      bundles: { a: args.a, b: args.b },
      nodeArgs: { a: args['a-node-args'], b: args['b-node-args'] },
      settings: {
        scenarios: SCENARIOS,
        durationS: DURATION,
        warmupS: WARMUP,
        rounds: ROUNDS,
        connectionsEach: HALF,
      },
      rounds: rows,
      summary,
    },
    { latest: false },
  );
  log(`results: ${relative(repoRoot, file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`api A/B failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
