import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMigrations, type Rule } from '../rollout/expand-only-rules';
import { parseMigration } from '../rollout/sql-statements';

// Each fixture is one migration judged after fixtures/expand-only/0000_base.sql (projects, and
// tasks, a large table), with v1.4.0 as the previous release: it reads every column but
// tasks.legacy_ref.
const FIXTURES = join(__dirname, 'fixtures', 'expand-only');
const base = { name: '0000_base', sql: readFileSync(join(FIXTURES, '0000_base.sql'), 'utf8') };
const config = { grandfathered: ['0000_base'], largeTables: ['tasks'] };
const column = { type: 'text', notNull: false };
const previous = {
  release: 'v1.4.0',
  lastMigration: '0000_base',
  tables: {
    projects: { id: column, name: column, archived: column },
    tasks: { id: column, project_id: column, title: column, notes: column, estimate: column, status: column },
  },
};

function rulesBroken(fixture: string): Rule[] {
  const sql = readFileSync(join(FIXTURES, `${fixture}.sql`), 'utf8');
  return checkMigrations([base, { name: '0001_fixture', sql }], config, previous)
    .map((v) => v.rule)
    .sort();
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.sql') && f !== '0000_base.sql')
  .map((f) => f.slice(0, -4));

describe('expand-only migration rules', () => {
  it.each(fixtures.filter((f) => f.startsWith('pass-')))('lets an expand step through: %s', (fixture) => {
    expect(rulesBroken(fixture)).toEqual([]);
  });

  const failing: Record<string, Rule[]> = {
    'fail-drop-table': ['drop'],
    'fail-drop-column': ['drop'],
    'fail-drop-column-lower-case-unquoted': ['drop'],
    'fail-drop-column-inside-do-block': ['drop'],
    'fail-rename-column': ['rename'],
    'fail-rename-table': ['rename'],
    'fail-alter-column-type': ['alter-column-type'],
    'fail-alter-column-type-short-form': ['alter-column-type'],
    'fail-set-not-null': ['set-not-null'],
    'fail-not-null-without-default': ['not-null-without-default'],
    'fail-drop-default': ['drop-default'],
    'fail-drop-constraint': ['constraint'],
    'fail-drop-index': ['drop'],
    'fail-unique-index-on-existing-columns': ['tighten-existing-columns'],
    'fail-check-on-existing-column': ['tighten-existing-columns'],
    'fail-foreign-key-on-existing-column': ['tighten-existing-columns'],
    'fail-index-on-large-table': ['index-locks-large-table'],
    'fail-concurrently': ['concurrently-in-transaction'],
    'fail-truncate': ['drop'],
    'fail-alter-table-with-several-actions': ['drop'],
    'fail-lock-ok-without-reason': ['index-locks-large-table', 'index-locks-large-table'],
    'fail-contract-without-release': ['contract-marker'],
    'fail-contract-names-another-release': ['contract-marker'],
    'fail-contract-column-still-read': ['still-read-by-previous-release'],
    'fail-contract-rename-still-read': ['still-read-by-previous-release'],
    'fail-contract-marker-in-another-statement': ['drop'],
    'fail-widens-does-not-cover-set-not-null': ['set-not-null'],
  };

  it('has an expectation for every failing fixture', () => {
    expect(fixtures.filter((f) => f.startsWith('fail-')).sort()).toEqual(Object.keys(failing).sort());
  });

  it.each(Object.entries(failing))('stops %s', (fixture, rules) => {
    expect(rulesBroken(fixture)).toEqual(rules);
  });

  it('never judges a grandfathered migration', () => {
    const sql = readFileSync(join(FIXTURES, 'fail-drop-table.sql'), 'utf8');
    const grandfathered = { ...config, grandfathered: ['0000_base', '0001_fixture'] };
    expect(checkMigrations([base, { name: '0001_fixture', sql }], grandfathered, previous)).toEqual([]);
  });

  it('judges what a migration creates itself as new: dropping a column added earlier in it is fine', () => {
    const sql =
      'ALTER TABLE "tasks" ADD COLUMN "draft" text;--> statement-breakpoint\nALTER TABLE "tasks" DROP COLUMN "draft";';
    expect(checkMigrations([base, { name: '0001_fixture', sql }], config, previous)).toEqual([]);
  });

  it('judges a table created by an earlier judged migration as existing in the next one', () => {
    const create = {
      name: '0001_create',
      sql: 'CREATE TABLE "labels" ("id" uuid PRIMARY KEY NOT NULL, "name" text);',
    };
    const tighten = { name: '0002_tighten', sql: 'ALTER TABLE "labels" ALTER COLUMN "name" SET NOT NULL;' };
    const violations = checkMigrations([base, create, tighten], config, previous);
    expect(violations.map((v) => [v.migration, v.rule])).toEqual([['0002_tighten', 'set-not-null']]);
  });

  it('accepts an older release in the contract marker of a migration that release already applied', () => {
    const contract = {
      name: '0001_contract',
      sql: '-- contract: legacy_ref unused, safe because v1.2.0 no longer reads it\nALTER TABLE "tasks" DROP COLUMN "legacy_ref";',
    };
    const later = { ...previous, release: 'v1.5.0', lastMigration: '0001_contract' };
    expect(checkMigrations([base, contract], config, later)).toEqual([]);
  });

  it('reports the migration, line and statement of a problem', () => {
    const sql =
      'ALTER TABLE "tasks" ADD COLUMN "due_on" date;\n--> statement-breakpoint\n\n  alter table "tasks"\n    drop column "notes";';
    expect(checkMigrations([base, { name: '0001_fixture', sql }], config, previous)).toEqual([
      expect.objectContaining({
        migration: '0001_fixture',
        line: 4,
        rule: 'drop',
        statement: 'alter table "tasks" drop column "notes"',
      }),
    ]);
  });
});

describe('splitting a migration into statements', () => {
  it('splits on breakpoints and semicolons, never inside strings, quoted names or dollar quotes', () => {
    const sql = readFileSync(join(FIXTURES, 'pass-sql-in-comments-and-strings.sql'), 'utf8');
    const statements = parseMigration(sql);
    expect(
      statements.map((s) =>
        s.tokens
          .slice(0, 2)
          .map((t) => t.value)
          .join(' '),
      ),
    ).toEqual(['alter table', 'alter table', 'create function']);
    expect(statements[2]?.tokens.filter((t) => t.kind === 'word').map((t) => t.value)).toEqual([
      'create',
      'function',
      'returns',
      'trigger',
      'as',
      'language',
      'plpgsql',
    ]);
  });

  it('keeps the comments of a statement between breakpoints apart from its SQL', () => {
    const [first, second] = parseMigration(
      '-- lock-ok: small\nCREATE INDEX "a" ON "t" ("x");--> statement-breakpoint\n/* b */ SELECT 1;',
    );
    expect(first?.comments).toEqual(['lock-ok: small']);
    expect(first?.text).toBe('CREATE INDEX "a" ON "t" ("x")');
    expect(second?.comments).toEqual(['b']);
  });
});

describe('npm test\'s "migrations are expand-only" check', () => {
  const checkScript = join(__dirname, '..', 'rollout', 'check-expand-only.ts');
  const tsx = join(__dirname, '..', 'node_modules', '.bin', 'tsx');
  const dir = mkdtempSync(join(tmpdir(), 'expand-only-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes the repository's migrations and fails on a new migration that drops a column", () => {
    cpSync(join(__dirname, '..', 'migrations'), dir, { recursive: true });
    const ok = spawnSync(tsx, [checkScript, dir], { encoding: 'utf8' });
    expect(ok.status).toBe(0);

    writeFileSync(join(dir, '9999_drop_title.sql'), 'ALTER TABLE "tasks" DROP COLUMN "title";\n');
    const bad = spawnSync(tsx, [checkScript, dir], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('9999_drop_title.sql:1: [drop]');
  });
});
