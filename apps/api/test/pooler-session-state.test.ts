import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// DATABASE_URL may be PgBouncer in transaction mode (docs/ARCHITECTURE.md, "Connection pooling"):
// consecutive statements of one pool client can run on different server connections, so session
// state set by one lands on another client's session, or is gone. A static scan of the sources
// keeps it out; the pooler suite (pgbouncer.test.ts) proves the paths that matter at run time.
const ROOT = join(__dirname, '..', '..', '..');

const RULES: { rule: string; pattern: RegExp; allowedIn?: string }[] = [
  {
    rule: 'session-level SET (use SET LOCAL inside a transaction)',
    pattern: /(?:sql`|sql\.raw\(\s*['"`]|query\(\s*['"`])\s*set\s+(?!local\b)/i,
  },
  { rule: 'set_config(…, false) is session-level', pattern: /set_config\([^)]*,\s*false\s*\)/i },
  {
    rule: 'session advisory lock (use pg_advisory_xact_lock)',
    pattern: /pg_(?:try_)?advisory_(?:un)?lock(?:_shared)?\b/i,
  },
  {
    rule: 'named prepared statement (use UNNAMED_STATEMENT)',
    pattern: /\.prepare\((?!\s*UNNAMED_STATEMENT\s*\))/,
  },
  {
    // runPrepared falls back to unnamed statements for good when a pooler misplaces a name.
    rule: 'named statement outside packages/db/src/prepared.ts',
    pattern: /\.query(?:<[^>]*>)?\(\s*\{[^}]*\bname\b/,
    allowedIn: 'packages/db/src/prepared.ts',
  },
  { rule: 'temporary table (lives as long as the session)', pattern: /create\s+temp(?:orary)?\s+table/i },
  {
    rule: 'statement_timeout as a startup parameter (the database default sets it)',
    pattern: /statement_timeout\s*:/,
  },
  {
    rule: 'LISTEN outside the outbox listener (it needs the direct connection)',
    pattern: /(?:sql`|query\(\s*['"`])\s*listen\s/i,
    allowedIn: 'packages/core/src/events/outbox-listener.ts',
  },
];

function violations(file: string, text: string): string[] {
  return RULES.filter((r) => r.allowedIn !== file && r.pattern.test(text)).map((r) => `${file}: ${r.rule}`);
}

function sourceFiles(): string[] {
  const files: string[] = [];
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(ROOT, group))) {
      const src = join(ROOT, group, name, 'src');
      let entries: string[];
      try {
        entries = readdirSync(src, { recursive: true }) as string[];
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(join(src, entry));
      }
    }
  }
  return files;
}

describe('sources stay free of session state (PgBouncer transaction mode)', () => {
  it('finds no session-level SET, session advisory lock, named prepared statement (but the one with a fallback) or pooled LISTEN', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => violations(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('flags each kind of session state it is meant to catch', () => {
    const samples = [
      "await client.query('SET statement_timeout = 0')",
      'await db.execute(sql`set search_path to x`)',
      "select set_config('app.user', $1, false)",
      'select pg_advisory_lock(42)',
      'select pg_try_advisory_lock(42)',
      ".limit(1).prepare('tasks_by_id')",
      'new pg.Pool({ statement_timeout: 1000 })',
      'await client.query(`LISTEN outbox`)',
      'await tx.execute(sql`create temp table scratch (id int)`)',
      "await pool.query<Row>({ name: 'tasks_by_id', text, values })",
    ];
    expect(samples.map((s) => violations('packages/core/src/x.ts', s).length)).toEqual(Array(10).fill(1));
    // The one place that may name statements (it falls back to unnamed ones behind a pooler).
    expect(
      violations('packages/db/src/prepared.ts', '(await pool.query<T>({ name, text, values: params })).rows'),
    ).toEqual([]);
    const allowed = [
      'await tx.execute(sql`set local lock_timeout = 100`)',
      'select pg_advisory_xact_lock(1), pg_try_advisory_xact_lock(2)',
      "await db.execute(sql`update tasks set title = 'x'`)",
      '.limit(ph("limit")).prepare(UNNAMED_STATEMENT)',
    ];
    expect(allowed.flatMap((s) => violations('packages/core/src/x.ts', s))).toEqual([]);
  });
});
