/**
 * Import benchmark (not a timed test): a 10,000-row Jira CSV, dry run and commit, through the
 * same use case the api route calls. Builds a database of its own, drops it after, and writes
 * bench/results/import.json.
 *   pnpm --filter @teamflow/bench bench:import      (DATABASE_URL's server; Redis is not needed)
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEnv } from '@teamflow/config/env';
import { IMPORT_MAX_ROWS, type ImportPreview } from '@teamflow/contracts/project-import-export';
import { createLogger } from '@teamflow/core/platform/logger';
import type { Redis } from '@teamflow/core/platform/redis';
import { importProjectTasks } from '@teamflow/core/project-import/import-project-tasks';
import { createDb } from '@teamflow/db/client';
import { dropDatabase, ensureDatabase } from '@teamflow/db/setup';
import { createReadRouter } from '@teamflow/db/read-replica';

const ROWS = IMPORT_MAX_ROWS;
const STATUSES = ['To Do', 'In Progress', 'Code Review', 'Done', 'Selected for Development', 'Blocked'];
const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
const LABELS = ['backend', 'frontend', 'mobile', 'infra', 'docs', 'bug', 'tech-debt', 'customer'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/**
 * A Jira export of 10,000 issues: every 10th a sub-task of the story before it, two label columns.
 * `markupEvery`: one description in that many has HTML or an entity (`R&D`, `<b>`), the ones the
 * Markdown sanitiser must parse; the others take its fast path.
 */
function jiraCsv(emails: string[], markupEvery: number): string {
  const header =
    'Summary,Issue key,Issue id,Parent id,Issue Type,Status,Priority,Assignee,Reporter,Created,Due Date,Labels,Labels,Description,Custom field (Story point estimate)';
  const lines = [header];
  for (let i = 1; i <= ROWS; i++) {
    const sub = i % 10 === 0;
    const due = i % 3 === 0 ? `${(i % 28) + 1}/${MONTHS[i % 12]}/26 12:00 AM` : '';
    lines.push(
      [
        `Issue number ${i}: make the ${LABELS[i % LABELS.length]} part better`,
        `BIG-${i}`,
        String(10_000 + i),
        sub ? String(10_000 + i - 1) : '',
        sub ? 'Sub-task' : 'Story',
        STATUSES[i % STATUSES.length]!,
        PRIORITIES[i % PRIORITIES.length]!,
        i % 7 === 0 ? `someone-${i % 50}@elsewhere.example` : emails[i % emails.length]!,
        emails[0]!,
        '03/Feb/25 9:14 AM',
        due,
        LABELS[i % LABELS.length]!,
        i % 2 ? LABELS[(i + 3) % LABELS.length]! : '',
        `Context for issue ${i}${i % markupEvery === 0 ? ' from R&D, <b>urgent</b>' : ''}.\n\nSteps, notes and a link to https://example.com/issues/${i}, with "quotes", commas and a second paragraph.`,
        String([1, 2, 3, 5, 8, 13][i % 6]),
      ]
        .map(quote)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const base = loadEnv();
  const url = base.DATABASE_URL.replace(
    /\/[^/?]+(\?|$)/,
    `/teamflow_bench_import_${randomUUID().slice(0, 8)}$1`,
  );
  await ensureDatabase(url);
  // In a child with CommonJS semantics: under tsx's ESM loader packages/db cannot find its
  // migrations folder (its __dirname is not the file's).
  execFileSync(
    process.execPath,
    ['--require', 'tsx/cjs', '-e', "require('@teamflow/db/setup').runMigrations(process.argv[1])", url],
    { stdio: 'inherit' },
  );
  const handle = createDb(url, { max: 4 });
  const dir = mkdtempSync(join(tmpdir(), 'teamflow-bench-import-'));
  try {
    const userIds = [randomUUID(), randomUUID(), randomUUID()];
    const emails = userIds.map((id) => `bench-${id.slice(0, 8)}@example.test`);
    const workspaceId = randomUUID();
    const projectId = randomUUID();
    for (const [i, id] of userIds.entries())
      await handle.pool.query(`insert into users (id, email, name) values ($1, $2, $3)`, [
        id,
        emails[i],
        `Bench ${i}`,
      ]);
    await handle.pool.query(
      `insert into workspaces (id, name, slug, created_by) values ($1, 'Bench', $2, $3)`,
      [workspaceId, `bench-${workspaceId.slice(0, 8)}`, userIds[0]],
    );
    for (const id of userIds)
      await handle.pool.query(
        `insert into workspace_members (workspace_id, user_id, role) values ($1, $2, 'member')`,
        [workspaceId, id],
      );
    await handle.pool.query(
      `insert into projects (id, workspace_id, key, name, created_by) values ($1, $2, 'BIG', 'Big', $3)`,
      [projectId, workspaceId, userIds[0]],
    );

    const redis = {} as unknown as Redis; // the import never touches Redis
    const logger = createLogger({ level: 'silent', service: 'bench' });
    const deps = { db: handle.db, reads: createReadRouter({ primary: handle.db }), redis, env: base, logger };
    const ctx = {
      actor: { id: userIds[0]!, name: 'Bench 0' },
      requestId: 'bench',
      logger,
      workspaceId,
      role: 'member' as const,
      timeZone: 'UTC',
    };

    /** Dry run then commit of one file into the project (each scenario adds 10,000 tasks to it). */
    const measure = async (markupEvery: number) => {
      const path = join(dir, `jira-${markupEvery}.csv`);
      writeFileSync(path, jiraCsv(emails, markupEvery));
      let t = performance.now();
      const preview = (await importProjectTasks(
        deps,
        ctx,
        projectId,
        { path },
        { dryRun: true },
      )) as ImportPreview;
      const dryRunMs = performance.now() - t;
      if (preview.errors.length)
        throw new Error(`the bench file has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
      t = performance.now();
      const committed = await importProjectTasks(deps, ctx, projectId, { path }, { dryRun: false });
      const commitMs = performance.now() - t;
      return {
        fileBytes: statSync(path).size,
        descriptionsWithMarkup: `1 in ${markupEvery}`,
        created: 'created' in committed ? committed.created : null,
        dryRunMs: Math.round(dryRunMs),
        commitMs: Math.round(commitMs),
        commitGoal: commitMs <= 10_000 ? 'PASS' : 'MISS',
      };
    };
    const typical = await measure(10);
    const everyDescriptionWithMarkup = await measure(1);
    const count = await handle.pool.query<{ n: number; distinct_numbers: number }>(
      `select count(*)::int as n, count(distinct number)::int as distinct_numbers from tasks where project_id = $1`,
      [projectId],
    );

    const result = {
      at: new Date().toISOString(),
      machine: 'shared 2-core machine (other engineers building and testing at the same time)',
      rows: ROWS,
      goalCommitMs: 10_000,
      typical,
      everyDescriptionWithMarkup,
      storedTasks: count.rows[0]!.n,
      distinctNumbers: count.rows[0]!.distinct_numbers,
    };
    writeFileSync(new URL('../results/import.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
    // eslint-disable-next-line no-console -- a command-line tool: it prints its figures
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
    await dropDatabase(url);
  }
}

void main();
