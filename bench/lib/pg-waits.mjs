// Samples pg_stat_activity for one database while a scenario runs: what the server's
// connections were doing (running, waiting on a lock, idle in a transaction waiting for the
// app, idle in the pool) and on which statements. Cheap (one query every 50 ms on its own
// connection) and often the quickest answer to "is the time in the database or in the app?".
import pg from 'pg';

const SAMPLE_SQL = `select state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) as query
  from pg_stat_activity
 where datname = $1 and pid <> pg_backend_pid() and backend_type = 'client backend'`;

export async function pgWaitSampler(connectionString, { everyMs = 50 } = {}) {
  const client = new pg.Client({ connectionString, application_name: 'teamflow-bench-sampler' });
  await client.connect();
  const database = new URL(connectionString).pathname.slice(1);
  let timer;
  let running = false;
  let samples = 0;
  const states = new Map();
  const statements = new Map();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const { rows } = await client.query(SAMPLE_SQL, [database]);
      samples += 1;
      for (const r of rows) {
        const what = r.wait_event_type
          ? `${r.state}: waiting ${r.wait_event_type}/${r.wait_event}`
          : `${r.state}: on cpu`;
        states.set(what, (states.get(what) ?? 0) + 1);
        if (r.state !== 'idle')
          statements.set(`${r.state} | ${r.query}`, (statements.get(`${r.state} | ${r.query}`) ?? 0) + 1);
      }
    } catch {
      // a missed sample is fine
    } finally {
      running = false;
    }
  };
  return {
    start() {
      timer = setInterval(tick, everyMs);
    },
    async stop() {
      clearInterval(timer);
      while (running) await new Promise((r) => setTimeout(r, 5));
      await client.end();
      const top = (m, n) =>
        [...m.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([what, count]) => ({
            what,
            avgConnections: Number((count / Math.max(1, samples)).toFixed(2)),
          }));
      return { samples, everyMs, states: top(states, 8), statements: top(statements, 8) };
    },
  };
}
