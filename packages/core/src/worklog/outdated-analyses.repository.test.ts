import { randomUUID } from 'node:crypto';
import { loadEnv } from '@teamflow/config/env';
import { createDb } from '@teamflow/db/client';
import * as schema from '@teamflow/db/schema/index';
import { drizzle } from 'drizzle-orm/node-postgres';
import { entriesAnalysedByOlderLocalRules } from './outdated-analyses.repository';

/**
 * The hourly re-read's scan across every author's analyses can walk its partial index
 * (`worklog_insights_local_reread_idx`) in the order it asks for, instead of reading the whole of
 * worklog_insights and sorting it. The plan is that of the exact statement the scan sends (caught
 * by a Drizzle logger as it runs), explained with sequential and bitmap scans off (on a test database the
 * table is too small for the planner to prefer any index by itself), both with its parameters'
 * values and as a generic plan.
 */

const env = loadEnv({ ...process.env, NODE_ENV: 'test' });
const handle = createDb(env.DATABASE_URL, { max: 2 });
afterAll(() => handle.close());

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function analysedEntry(userId: string, insight: { provider: string; model: string; status: string }) {
  const { rows } = await handle.pool.query(
    `insert into worklog_entries (user_id, date, body) values ($1, '2026-05-01', 'Re-read me') returning id`,
    [userId],
  );
  await handle.pool.query(
    `insert into worklog_insights (entry_id, user_id, status, provider, model, analysed_at)
     values ($1, $2, $3, $4, $5, now() - random() * interval '30 days')`,
    [rows[0].id, userId, insight.status, insight.provider, insight.model],
  );
}

describe('the scan for analyses by older local rules', () => {
  it('walks worklog_insights_local_reread_idx in its order: no table scan, no sort', async () => {
    const userId = randomUUID();
    await handle.pool.query(`insert into users (id, email, name) values ($1, $2, 'Re-read')`, [
      userId,
      `reread-${userId}@example.test`,
    ]);
    for (const status of ['done', 'failed', 'pending'])
      for (const [provider, model] of [
        ['local', 'local-v1'],
        ['local', 'local-v9'],
        ['openai', 'gpt'],
      ] as const)
        await analysedEntry(userId, { provider, model, status });
    await handle.pool.query('analyze worklog_insights');

    const sent: { sql: string; params: unknown[] }[] = [];
    const logged = drizzle({
      client: handle.pool,
      schema,
      logger: { logQuery: (sql, params) => sent.push({ sql, params }) },
    });
    await entriesAnalysedByOlderLocalRules(logged, 'local-v9', 200);
    expect(sent).toHaveLength(1);

    // Planned with its parameters' values (an unnamed statement, as sent today) and as a prepared
    // statement's generic plan, which cannot read them.
    const { sql: text, params } = sent[0]!;
    for (const mode of ['force_custom_plan', 'force_generic_plan']) {
      const client = await handle.pool.connect();
      try {
        await client.query('begin');
        await client.query('set local enable_seqscan = off');
        // Nor a bitmap scan, which reads in block order and sorts after: with the rows other suites
        // leave in this shared database, the planner sometimes costed one below the ordered walk.
        await client.query('set local enable_bitmapscan = off');
        await client.query(`set local plan_cache_mode = ${mode}`);
        await client.query(`prepare reread_scan as ${text}`);
        const values = params.map((p) => client.escapeLiteral(String(p))).join(', ');
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
          `explain (format json) execute reread_scan(${values})`,
        );
        const nodes = nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
        expect({ mode, indexes: nodes.map((n) => n['Index Name']).filter(Boolean) }).toEqual({
          mode,
          indexes: ['worklog_insights_local_reread_idx'],
        });
        expect({ mode, sorts: nodes.filter((n) => n['Node Type'] === 'Sort').length }).toEqual({
          mode,
          sorts: 0,
        });
      } finally {
        await client.query('rollback');
        // Closed, not returned to the pool: the prepared statement and the settings go with it.
        client.release(true);
      }
    }
  });
});
