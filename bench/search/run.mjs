#!/usr/bin/env node
// The search bench (pnpm bench:search): does GET /workspaces/:id/search stay fast as a workspace
// grows? Starts the api on a database of its own, creates a workspace through the api, then loads
// tasks and their comments straight into PostgreSQL with COPY (psql, from a seeded generator of tracker-like text)
// up to each size in --sizes, and at each size measures the search's latency through the api for
// a common word, a rare word and a word prefix (which only the escaped ILIKE matches), and
// EXPLAINs the same statement to show whether the tasks' GIN index is used.
// Prints PASS/MISS for p95 at the largest size ≤ 3 × p95 at the smallest, per query. Asserts
// nothing: a MISS is a finding (exit 0).
//
// Options: --sizes=100000,1000000 --samples=100 --warmup=5 --projects=10 --comments-per-task=0.5
//          --decisions-per-task=0.001 (and half as many incidents)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fileStamp, fmt, machineInfo, table, writeResults } from '../lib/report.mjs';
import { buildApi, newJwtSecrets, startApi } from '../api/api-server.mjs';
import { ApiClient } from '../api/seed.mjs';
import { SEARCH_SQL, likePattern } from './search-sql.mjs';
import { RARE_EVERY, RARE_WORD, commentText, phrase, rng, taskText } from './words.mjs';
import { clearRedisPrefix } from '../lib/redis.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const benchDir = resolve(here, '..');
const repoRoot = resolve(benchDir, '..');
const resultsDir = join(benchDir, 'results');

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: '100000,1000000' },
    samples: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '5' },
    projects: { type: 'string', default: '10' },
    'comments-per-task': { type: 'string', default: '0.5' },
    'decisions-per-task': { type: 'string', default: '0.001' },
  },
});
const SIZES = args.sizes
  .split(',')
  .map((s) => Number(s.trim()))
  .sort((a, b) => a - b);
const SAMPLES = Number(args.samples);
const WARMUP = Number(args.warmup);
const PROJECTS = Number(args.projects);
const COMMENTS_PER_TASK = Number(args['comments-per-task']);
if (!(COMMENTS_PER_TASK >= 0)) throw new Error(`bad --comments-per-task=${args['comments-per-task']}`);
// A workspace's decision log and incident history grow with it: a decision per thousand tasks and
// an incident per two thousand (1,000 and 500 at a million), a few paragraphs each.
const DECISIONS_PER_TASK = Number(args['decisions-per-task']);
if (!(DECISIONS_PER_TASK >= 0)) throw new Error(`bad --decisions-per-task=${args['decisions-per-task']}`);
if (SIZES.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`bad --sizes=${args.sizes}`);

const pgUser = process.env.PGUSER ?? os.userInfo().username;
const DATABASE_URL =
  process.env.BENCH_SEARCH_DATABASE_URL ?? `postgres://${pgUser}@127.0.0.1:5432/teamflow_bench_search`;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = 'tf:bench-search:';

// What people type: a word in about one task in ten, a word in one task in RARE_EVERY, and the
// start of a word (no full-text match: only the title ILIKE finds "dashb" in "dashboard").
const QUERIES = [
  { id: 'common', q: 'login' },
  { id: 'rare', q: RARE_WORD },
  { id: 'prefix', q: 'dashb' },
];

const log = (msg) => process.stdout.write(`${msg}\n`);

async function withAdmin(fn) {
  const adminUrl = new URL(DATABASE_URL);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/** Streams rows (tab-separated lines from `lines`) into `table (columns)` through one psql COPY … FROM STDIN. */
async function copyRows(table, columns, lines) {
  const url = new URL(DATABASE_URL);
  const psql = spawn(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-d',
      url.toString(),
      '-c',
      `COPY ${table} (${columns}) FROM STDIN`,
    ],
    // The database's default statement timeout (set by the migrations) is for requests, not a bulk load.
    { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, PGOPTIONS: '-c statement_timeout=0' } },
  );
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 20) {
      if (!psql.stdin.write(chunk)) await once(psql.stdin, 'drain');
      chunk = '';
    }
  }
  psql.stdin.end(chunk);
  const [code] = await once(psql, 'exit');
  if (code !== 0) throw new Error(`psql COPY into ${table} exited ${code}`);
}

const escapeCopy = (v) =>
  v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const LOAD_STARTS = new Date('2024-01-01T00:00:00Z').getTime();

/** Loads tasks `from` … `from + count - 1`; returns the ids of those that get comments. */
async function copyTasks(world, from, count) {
  const statuses = ['todo', 'todo', 'in_progress', 'in_review', 'blocked', 'done', 'done', 'done'];
  const priorities = ['low', 'medium', 'medium', 'high', 'critical'];
  const random = rng(from + 1);
  const commented = [];
  function* lines() {
    for (let i = from; i < from + count; i++) {
      const id = randomUUID();
      // Comments spread evenly: task i gets floor((i+1)·k) − floor(i·k) of them.
      const comments = Math.floor((i + 1) * COMMENTS_PER_TASK) - Math.floor(i * COMMENTS_PER_TASK);
      for (let c = 0; c < comments; c++) commented.push(id);
      const project = world.projectIds[i % PROJECTS];
      const number = Math.floor(i / PROJECTS) + 1;
      const { title, description } = taskText(random, i);
      const at = new Date(LOAD_STARTS + i * 60_000).toISOString();
      yield `${id}\t${world.workspaceId}\t${project}\t${number}\t${escapeCopy(title)}\t${escapeCopy(description)}\t${statuses[i % statuses.length]}\t${priorities[i % priorities.length]}\t${number * 1024}\t${world.userId}\t${at}\t${at}\n`;
    }
  }
  await copyRows(
    'tasks',
    'id, workspace_id, project_id, number, title, description, status, priority, position, created_by, created_at, updated_at',
    lines(),
  );
  return commented;
}

/** Loads one comment per id in `taskIds` (comment ordinals from `from`), written by the owner. */
async function copyComments(world, taskIds, from) {
  const random = rng(1_000_003 + from);
  function* lines() {
    for (let i = 0; i < taskIds.length; i++) {
      const at = new Date(LOAD_STARTS + (from + i) * 120_000).toISOString();
      const body = commentText(random, from + i);
      yield `${world.workspaceId}\t${taskIds[i]}\t${world.userId}\t${escapeCopy(body)}\t${at}\t${at}\n`;
    }
  }
  await copyRows('comments', 'workspace_id, task_id, author_id, body, created_at, updated_at', lines());
}

/** Decisions `from + 1` … `to` and incidents `from/2 + 1` … `to/2` (their workspace numbers). */
async function copyLogs(world, from, to) {
  const random = rng(2_000_003 + from);
  const paragraph = () => `${phrase(random, 12, 30)}. ${phrase(random, 12, 30)}. ${phrase(random, 12, 30)}.`;
  function* decisions() {
    for (let n = from + 1; n <= to; n++)
      yield `${world.workspaceId}\t${n}\t${escapeCopy(`Adopt ${phrase(random, 2, 6)}`)}\t${escapeCopy(paragraph())}\t${escapeCopy(paragraph())}\t[]\taccepted\t${world.userId}\n`;
  }
  function* incidents() {
    for (let n = Math.floor(from / 2) + 1; n <= Math.floor(to / 2); n++)
      yield `${world.workspaceId}\t${n}\t${escapeCopy(phrase(random, 3, 8))}\tsev3\tresolved\t${escapeCopy(paragraph())}\t${escapeCopy(paragraph())}\t${world.userId}\n`;
  }
  await copyRows(
    'decisions',
    'workspace_id, number, title, context, decision, alternatives, status, created_by',
    decisions(),
  );
  await copyRows(
    'incidents',
    'workspace_id, number, title, severity, status, summary, postmortem, declared_by',
    incidents(),
  );
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Sequential requests (one in flight), so the figure is the search's own latency. */
async function measureQuery(api, world, q) {
  const url = `${api.url}/api/v1/workspaces/${world.workspaceId}/search?q=${encodeURIComponent(q)}`;
  const headers = { Authorization: `Bearer ${world.token}` };
  let hits = 0;
  const times = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    const res = await fetch(url, { headers });
    const body = await res.json();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (res.status !== 200)
      throw new Error(`search ${q}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    hits = body.items.length;
    if (i >= WARMUP) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return {
    samples: times.length,
    hits,
    p50: Number(percentile(times, 50).toFixed(2)),
    p95: Number(percentile(times, 95).toFixed(2)),
    max: Number(times[times.length - 1].toFixed(2)),
  };
}

/** EXPLAIN of the api's statement: the plan and whether the tasks' GIN index is in it. */
async function explain(db, world, q) {
  const { rows } = await db.query(`EXPLAIN ${SEARCH_SQL}`, [
    q,
    world.workspaceId,
    likePattern(q),
    20,
    null,
    null,
    null,
    null,
  ]);
  const plan = rows.map((r) => r['QUERY PLAN']);
  return {
    usesGin: plan.some((line) => line.includes('tasks_search_idx')),
    usesTitleTrigrams: plan.some((line) => line.includes('tasks_title_trgm_idx')),
    // Comments by words through their GIN index (not every comment's tsvector built per search);
    // the body substring arm, like the title one, may read comments in order until its limit when
    // the text is everywhere, and uses the trigram index when it is rare.
    usesCommentGin: plan.some((line) => line.includes('comments_search_idx')),
    usesCommentTrigrams: plan.some((line) => line.includes('comments_body_trgm_idx')),
    // Decisions and incidents by words through their GIN expression indexes.
    usesLogGin:
      plan.some((line) => line.includes('decisions_workspace_search_idx')) &&
      plan.some((line) => line.includes('incidents_workspace_search_idx')),
    plan,
  };
}

async function main() {
  const startedAt = new Date();
  const stamp = fileStamp(startedAt);
  const machine = machineInfo(repoRoot);
  log(
    `search bench: ${machine.cpus} cpus, node ${process.version}; sizes ${SIZES.join(', ')}; ${SAMPLES} samples per query; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const built = buildApi(repoRoot);
  if (built.built) log(`built apps/api in ${built.ms} ms`);
  const name = decodeURIComponent(new URL(DATABASE_URL).pathname.slice(1));
  await withAdmin((admin) =>
    admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`),
  );
  await clearRedisPrefix(REDIS_URL, REDIS_PREFIX);

  const apiLog = join(resultsDir, `search-api-${stamp}.log`);
  const api = await startApi({
    repoRoot,
    databaseUrl: DATABASE_URL,
    redisUrl: REDIS_URL,
    redisPrefix: REDIS_PREFIX,
    logFile: apiLog,
    poolMax: 5,
    secrets: newJwtSecrets(),
  });
  const db = new pg.Client({ connectionString: DATABASE_URL });
  const sizes = [];
  try {
    await db.connect();
    await db.query('set statement_timeout = 0');
    const client = new ApiClient(api.url);
    const owner = await client.call(
      'POST',
      '/api/v1/auth/register',
      { email: 'owner@search.example.com', name: 'Search Owner', password: 'bench-password-1' },
      201,
    );
    const asOwner = client.as(owner.accessToken);
    const ws = await asOwner.call('POST', '/api/v1/workspaces', { name: 'Search', slug: 'search' }, 201);
    const projectIds = [];
    for (let p = 0; p < PROJECTS; p++) {
      const project = await asOwner.call(
        'POST',
        `/api/v1/workspaces/${ws.id}/projects`,
        { name: `Search ${p}`, key: `S${String.fromCharCode(65 + (p % 26))}${p}` },
        201,
      );
      projectIds.push(project.id);
    }
    const world = { workspaceId: ws.id, userId: owner.user.id, token: owner.accessToken, projectIds };

    let loaded = 0;
    let commentsLoaded = 0;
    for (const size of SIZES) {
      const t0 = Date.now();
      const commented = await copyTasks(world, loaded, size - loaded);
      await copyComments(world, commented, commentsLoaded);
      await copyLogs(world, Math.round(loaded * DECISIONS_PER_TASK), Math.round(size * DECISIONS_PER_TASK));
      const copyMs = Date.now() - t0;
      loaded = size;
      commentsLoaded += commented.length;
      // What autovacuum does on a live database: statistics, and the GIN pending lists merged.
      const t1 = Date.now();
      await db.query('VACUUM ANALYZE tasks');
      await db.query('VACUUM ANALYZE comments');
      await db.query('VACUUM ANALYZE decisions');
      await db.query('VACUUM ANALYZE incidents');
      const vacuumMs = Date.now() - t1;
      await db.query(
        `select setval(task_number_sequence(p.id), (select max(number) from tasks t where t.project_id = p.id)) from projects p where p.workspace_id = $1`,
        [world.workspaceId],
      );
      log(
        `loaded ${size} tasks, ${commentsLoaded} comments, ${Math.round(size * DECISIONS_PER_TASK)} decisions and ${Math.floor(Math.round(size * DECISIONS_PER_TASK) / 2)} incidents (COPY ${copyMs} ms, VACUUM ANALYZE ${vacuumMs} ms)`,
      );
      // A fresh access token per size: a big load outlasts one (15 minutes).
      const session = await client.call(
        'POST',
        '/api/v1/auth/login',
        { email: 'owner@search.example.com', password: 'bench-password-1' },
        200,
      );
      world.token = session.accessToken;
      const queries = {};
      for (const { id, q } of QUERIES) {
        const figures = await measureQuery(api, world, q);
        const plan = await explain(db, world, q);
        queries[id] = {
          q,
          ...figures,
          usesGin: plan.usesGin,
          usesTitleTrigrams: plan.usesTitleTrigrams,
          usesCommentGin: plan.usesCommentGin,
          usesCommentTrigrams: plan.usesCommentTrigrams,
          usesLogGin: plan.usesLogGin,
          plan: plan.plan,
        };
        log(
          `  ${id.padEnd(6)} "${q}": p50 ${fmt(figures.p50)} ms, p95 ${fmt(figures.p95)} ms, ${figures.hits} hits, GIN index ${plan.usesGin ? 'used' : 'NOT used'}, title trigrams ${plan.usesTitleTrigrams ? 'used' : 'not used'}, comment GIN ${plan.usesCommentGin ? 'used' : 'NOT used'}, comment trigrams ${plan.usesCommentTrigrams ? 'used' : 'not used'}, decision and incident GIN ${plan.usesLogGin ? 'used' : 'NOT used'}`,
        );
      }
      sizes.push({ tasks: size, copyMs, vacuumMs, loadAverage: os.loadavg(), queries });
    }
  } finally {
    await db.end().catch(() => undefined);
    await api.stop();
    await clearRedisPrefix(REDIS_URL, REDIS_PREFIX).catch(() => undefined);
  }

  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  const goals = QUERIES.map(({ id, q }) => {
    const value = sizes.length > 1 ? large.queries[id].p95 / small.queries[id].p95 : null;
    return {
      id: `${id}-p95-growth`,
      goal: `${id} "${q}": p95 at ${large.tasks} <= 3 x p95 at ${small.tasks}`,
      value: value === null ? null : Number(value.toFixed(2)),
      target: 3,
      status: value === null ? 'SKIP' : value <= 3 ? 'PASS' : 'MISS',
    };
  });
  for (const { id, q } of QUERIES) {
    const used = large.queries[id].usesGin;
    goals.push({
      id: `${id}-gin`,
      goal: `${id} "${q}": EXPLAIN at ${large.tasks} uses tasks_search_idx (GIN)`,
      value: used,
      target: true,
      status: used ? 'PASS' : 'MISS',
    });
    const commentGin = large.queries[id].usesCommentGin;
    goals.push({
      id: `${id}-comment-gin`,
      goal: `${id} "${q}": EXPLAIN at ${large.tasks} uses comments_search_idx (GIN)`,
      value: commentGin,
      target: true,
      status: commentGin ? 'PASS' : 'MISS',
    });
  }
  log('');
  log(
    table(
      [
        { title: 'tasks' },
        ...QUERIES.flatMap(({ id }) => [{ title: `${id} p50 ms` }, { title: `${id} p95 ms` }]),
      ],
      sizes.map((s) => [
        s.tasks,
        ...QUERIES.flatMap(({ id }) => [fmt(s.queries[id].p50), fmt(s.queries[id].p95)]),
      ]),
    ),
  );
  log('');
  // The scans of tasks and comments (the whole plan is in the JSON): a Seq Scan here reads them all.
  for (const { id, q } of QUERIES) {
    log(`EXPLAIN at ${large.tasks} tasks, ${id} "${q}", scans of tasks and comments:`);
    for (const line of large.queries[id].plan.filter((l) =>
      / on (tasks|comments) |_search_idx|_trgm_idx/.test(l),
    ))
      log(`  ${line.trim()}`);
  }
  log('');
  log(
    table(
      [{ title: 'goal', align: 'left' }, { title: 'measured' }, { title: 'result', align: 'left' }],
      goals.map((g) => [
        g.goal,
        typeof g.value === 'number' ? `${fmt(g.value, 2)} x` : String(g.value),
        g.status,
      ]),
    ),
  );
  const file = writeResults(
    resultsDir,
    'search',
    stamp,
    {
      bench: 'search',
      timestamp: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      machine,
      settings: {
        sizes: SIZES,
        samples: SAMPLES,
        warmup: WARMUP,
        projects: PROJECTS,
        commentsPerTask: COMMENTS_PER_TASK,
        decisionsPerTask: DECISIONS_PER_TASK,
        rareEvery: RARE_EVERY,
      },
      sizes,
      goals,
      logs: { api: relative(repoRoot, apiLog) },
    },
    { latest: true },
  );
  log(`\nresults: ${relative(repoRoot, file)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`search bench failed: ${error.stack ?? error}\n`);
    process.exit(1);
  },
);
