/**
 * Work-log benchmark (not a timed test): local analysis time per entry, search by meaning and
 * words over 10,000 entries of one user, and insights over a year (with 10,000 tasks the user
 * completed in it, which the activity counts per day). Builds a database of its own,
 * drops it after, and writes bench/results/worklog.json.
 *   pnpm --filter @teamflow/bench bench:worklog      (DATABASE_URL's server; Redis is not needed)
 * `-- --answers=<file>` also writes what search and insights answered (ids left out, as they are
 * random per run), so two versions of the code can be checked to answer the same.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { localAnalyseEntry, entryMeaningVector } from '@teamflow/ai/local/worklog.rules';
import { quantised, WORD_VECTOR_MODEL } from '@teamflow/ai/local/word-vectors';
import { loadEnv } from '@teamflow/config/env';
import type { Redis } from '@teamflow/core/platform/redis';
import { createLogger } from '@teamflow/core/platform/logger';
import { getInsights } from '@teamflow/core/worklog/get-insights';
import { searchWorklog } from '@teamflow/core/worklog/search-worklog';
import { createDb } from '@teamflow/db/client';
import { dropDatabase, ensureDatabase, runMigrations } from '@teamflow/db/setup';
import { createReadRouter } from '@teamflow/db/read-replica';

const ENTRIES = 10_000;
const COMPLETED_TASKS = 10_000;
const SUBJECTS = [
  'the payments service',
  'the board view',
  'the search index',
  'our CI pipeline',
  'the mobile app',
  'the billing API',
  'the onboarding flow',
  'the worker queue',
  'the Postgres migration',
  'the design system',
];
const OPENINGS = [
  'Shipped',
  'Fixed a bug in',
  'Reviewed pull requests for',
  'Paired with Sam on',
  'Refactored',
  'Wrote tests for',
  'Planned the next sprint for',
  'Debugged a flaky failure in',
  'Profiled',
  'Documented',
];
const CLOSINGS = [
  'Great day, the team loved it.',
  'Frustrating: blocked for hours waiting on access.',
  'Reduced p95 latency from 420 to 180 ms.',
  'Cut build time by 35%.',
  'Tired after too many meetings.',
  'Learned a lot about Kubernetes and Docker.',
  'The service went down for an hour and customers were angry.',
  'Interviewed a candidate for the backend role.',
  'Nothing shipped, feeling behind.',
  'Happy with how clean the code is now.',
];
const body = (i: number) =>
  `${OPENINGS[i % 10]} ${SUBJECTS[Math.floor(i / 10) % 10]} (${i}). ${CLOSINGS[Math.floor(i / 100) % 10]} Notes on #project-${i % 7}.`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const stats = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: pct(xs, 100) });

/** A loopback server answering OpenAI's embeddings call (256 numbers per input, base64 float32 as the SDK asks). */
async function embeddingsServer() {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      const vector = new Float32Array(Array.from({ length: 256 }, (_, i) => Math.sin(calls * 256 + i) / 8));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          model: 'text-embedding-3-small',
          data: [{ object: 'embedding', index: 0, embedding: Buffer.from(vector.buffer).toString('base64') }],
          usage: { prompt_tokens: 4, total_tokens: 4 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

// The machine is shared: the load average (1, 5, 15 min) goes with every figure.
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

async function main() {
  const loadBefore = load();
  // 1. Local analysis per entry (rules + meaning vector, as the job does).
  const analysis: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    localAnalyseEntry({ body: body(i * 7), tags: [], projects: [{ name: 'Payments', key: 'PAY' }] });
    entryMeaningVector(body(i * 7));
    analysis.push(performance.now() - t);
  }

  // 2. A database of its own with 10,000 analysed entries of one user over a year.
  const base = loadEnv();
  const url = base.DATABASE_URL.replace(
    /\/[^/?]+(\?|$)/,
    `/teamflow_bench_worklog_${randomUUID().slice(0, 8)}$1`,
  );
  await ensureDatabase(url);
  await runMigrations(url);
  const handle = createDb(url, { max: 4 });
  try {
    const userId = randomUUID();
    await handle.pool.query(`insert into users (id, email, name) values ($1, $2, 'Bench')`, [
      userId,
      `bench-${userId}@example.test`,
    ]);
    const vectors = new Map<number, number[]>();
    for (let start = 0; start < ENTRIES; start += 500) {
      const rows: unknown[] = [];
      const ids: string[] = [];
      const values: string[] = [];
      for (let i = start; i < start + 500; i++) {
        const id = randomUUID();
        ids.push(id);
        const day = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
        values.push(`($${rows.length + 1}, $${rows.length + 2}, $${rows.length + 3}, $${rows.length + 4})`);
        rows.push(id, userId, day, body(i));
      }
      await handle.pool.query(
        `insert into worklog_entries (id, user_id, date, body) values ${values.join(',')}`,
        rows,
      );
      const insight: unknown[] = [];
      const iv: string[] = [];
      const vector: unknown[] = [];
      const vv: string[] = [];
      ids.forEach((id, k) => {
        const i = start + k;
        const key = i % 1000;
        if (!vectors.has(key)) vectors.set(key, quantised(entryMeaningVector(body(i))!));
        const a = localAnalyseEntry({ body: body(i), tags: [], projects: [] });
        const n = insight.length;
        iv.push(
          `($${n + 1}, $${n + 2}, 'done', 'local', $${n + 3}, $${n + 4}, $${n + 5}::text[], $${n + 6}::jsonb, $${n + 7}::text[], now())`,
        );
        insight.push(
          id,
          userId,
          a.sentiment.score,
          a.sentiment.label,
          `{${a.skills.map((s) => `"${s}"`).join(',')}}`,
          JSON.stringify(a.achievements),
          `{${a.themes.join(',')}}`,
        );
        // As the job stores it (worklog_vectors: one 100-dimension part, its squared norm).
        const v = vectors.get(key)!;
        const m = vector.length;
        vv.push(`($${m + 1}, $${m + 2}, '${WORD_VECTOR_MODEL}', 0, $${m + 3}::cube, $${m + 4})`);
        vector.push(
          id,
          userId,
          `(${v.join(', ')})`,
          v.reduce((sum, x) => sum + x * x, 0),
        );
      });
      await handle.pool.query(
        `insert into worklog_insights (entry_id, user_id, status, provider, sentiment_score, sentiment_label, skills, achievements, themes, analysed_at) values ${iv.join(',')}`,
        insight,
      );
      await handle.pool.query(
        `insert into worklog_vectors (entry_id, user_id, model, part, vector, norm2) values ${vv.join(',')}`,
        vector,
      );
    }
    // Tasks the user completed over the same year, one every 52 minutes or so, in a workspace
    // and project of theirs: insights count them per local day.
    const workspaceId = randomUUID();
    const projectId = randomUUID();
    await handle.pool.query(
      `insert into workspaces (id, name, slug, created_by) values ($1, 'Bench', $2, $3)`,
      [workspaceId, `bench-${workspaceId.slice(0, 8)}`, userId],
    );
    await handle.pool.query(
      `insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'owner')`,
      [workspaceId, userId],
    );
    await handle.pool.query(
      `insert into projects (id, workspace_id, key, name, created_by) values ($1, $2, 'BENCH', 'Bench', $3)`,
      [projectId, workspaceId, userId],
    );
    await handle.pool.query(
      `with done as (
         insert into tasks (workspace_id, project_id, number, title, status, position, created_by, completed_at)
         select $1, $2, n, 'Done ' || n, 'done', n, $3,
                '2026-01-01T00:00:00Z'::timestamptz + make_interval(secs => n * 31536000.0 / $4::int)
         from generate_series(0, $4::int - 1) n
         returning id)
       insert into task_assignees (task_id, user_id) select id, $3 from done`,
      [workspaceId, projectId, userId, COMPLETED_TASKS],
    );
    await handle.pool.query('analyze');

    // No cache: every call computes (the bench measures the work, not Redis).
    const redis = { get: () => Promise.resolve(null), set: () => Promise.resolve('OK') } as unknown as Redis;
    const deps = {
      db: handle.db,
      reads: createReadRouter({ primary: handle.db }),
      redis,
      env: base,
      logger: createLogger({ level: 'silent', service: 'bench' }),
    };
    const ctx = { actor: { id: userId, name: 'Bench' }, requestId: 'bench', logger: deps.logger };

    const search: number[] = [];
    const queries = [
      'outage',
      'kubernetes docker',
      'slow builds',
      'hiring',
      'billing api tests',
      'tired meetings',
      'latency',
      'design system',
      'flaky',
      'customers angry',
    ];
    const answers: Record<string, unknown> = {};
    for (let r = 0; r < 20; r++)
      for (const q of queries) {
        const t = performance.now();
        const found = await searchWorklog(deps, ctx, { q });
        search.push(performance.now() - t);
        answers[`search:${q}`] = found.items.map(({ id: _id, ...hit }) => hit);
      }
    const insights: number[] = [];
    for (let r = 0; r < 60; r++) {
      const t = performance.now();
      const year = await getInsights(deps, ctx, 'UTC', { from: '2026-01-01', to: '2026-12-31' });
      insights.push(performance.now() - t);
      answers.insights = { ...year, achievements: year.achievements.map(({ entryId: _e, ...a }) => a) };
    }
    // With an OpenAI key the entries also carry 256-dimension embeddings (three cube parts each)
    // and the query is embedded too: the same search against a local server speaking OpenAI's
    // embeddings wire format (so the network is a loopback call, not OpenAI's latency).
    await handle.pool.query(
      `insert into worklog_vectors (entry_id, user_id, model, part, vector, norm2)
       select v.entry_id, v.user_id, 'text-embedding-3-small@256', p.part,
              cube(array(select (random() - 0.5) / 8 from generate_series(1, p.dims) where v.entry_id is not null)), 0.33
       from worklog_vectors v, (values (0, 100), (1, 100), (2, 56)) as p(part, dims)
       where v.user_id = $1`,
      [userId],
    );
    await handle.pool.query('analyze worklog_vectors');
    const embeddings = await embeddingsServer();
    const keyed = {
      ...deps,
      env: {
        ...base,
        AI_PROVIDER: 'auto' as const,
        OPENAI_API_KEY: 'sk-bench',
        OPENAI_BASE_URL: embeddings.url,
      },
    };
    const searchWithKey: number[] = [];
    try {
      for (let r = 0; r < 5; r++)
        for (const q of queries) {
          const t = performance.now();
          await searchWorklog(keyed, ctx, { q });
          searchWithKey.push(performance.now() - t);
        }
    } finally {
      embeddings.server.closeAllConnections();
      embeddings.server.close();
    }
    const answersFile = process.argv.find((a) => a.startsWith('--answers='))?.slice('--answers='.length);
    if (answersFile) writeFileSync(answersFile, `${JSON.stringify(answers, null, 1)}\n`);
    const result = {
      at: new Date().toISOString(),
      machine: 'shared 2-core machine (other engineers building and testing at the same time)',
      loadAverage: { before: loadBefore, after: load() },
      analysisPerEntryMs: { ...stats(analysis), goalP95: 50 },
      searchOver10kEntriesMs: { ...stats(search), goalP95: 100 },
      insightsForAYearMs: { ...stats(insights), goalP95: 200 },
      searchWithAnOpenAiKeyMs: stats(searchWithKey),
    };
    writeFileSync(join(__dirname, '..', 'results', 'worklog.json'), `${JSON.stringify(result, null, 2)}\n`);
    // eslint-disable-next-line no-console -- a command-line tool: it prints its figures
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await handle.close();
    await dropDatabase(url);
  }
}

void main();
