// The rules a migration must follow so the previous release keeps working on the schema it leaves
// (docs/ARCHITECTURE.md, "Migrations: expand → migrate → contract"). The deploy migrates before the
// new version takes traffic and a rollback keeps the migrated schema, so for a while the previous
// release's api and worker run on it: a migration may only add what old code ignores.
import { markersOf } from './migration-markers';
import {
  applyAndJudge,
  type ExpandOnlyConfig,
  type Rule,
  type SchemaState,
  type ThisMigration,
} from './judge-statement';
import { Cursor } from './sql-cursor';
import { parseMigration, type Statement, withDoBlocksOpened } from './sql-statements';

export type { ExpandOnlyConfig, Rule } from './judge-statement';

export interface Violation {
  migration: string;
  line: number;
  rule: Rule;
  message: string;
  statement: string;
}

export interface PreviousRelease {
  release: string;
  lastMigration: string;
  tables: Record<string, Record<string, unknown>>;
}

export interface Migration {
  /** The file name without `.sql`, as drizzle-kit's journal tags it. */
  name: string;
  sql: string;
}

/** Rules a `-- contract:` marker lets through: the steps that remove or tighten what old code uses. */
const CONTRACT_RULES = new Set<Rule>([
  'drop',
  'rename',
  'alter-column-type',
  'set-not-null',
  'drop-default',
  'constraint',
  'tighten-existing-columns',
]);

/** Which table and column (if any) a contract statement takes away, to compare with what the previous release reads. */
function removedFromPreviousRelease(statement: Statement, previous: PreviousRelease): string[] {
  const c = new Cursor(statement.tokens);
  const gone: string[] = [];
  const reads = (table: string, column?: string) =>
    column === undefined ? table in previous.tables : column in (previous.tables[table] ?? {});
  if (c.accept('drop', 'table')) {
    c.accept('if', 'exists');
    do {
      const table = c.name();
      if (table && reads(table)) gone.push(`"${table}"`);
    } while (c.peek()?.value === ',' && ++c.at);
    return gone;
  }
  if (!c.accept('alter', 'table')) return gone;
  c.accept('if', 'exists');
  c.accept('only');
  const table = c.name();
  if (!table) return gone;
  while (!c.done) {
    const action = new Cursor(c.untilComma());
    if (action.accept('rename', 'to')) {
      if (reads(table)) gone.push(`"${table}"`);
    } else if (action.isWord('rename', 'drop', 'alter')) {
      const verb = action.peek()!.value;
      action.at++;
      if (action.accept('constraint')) continue;
      action.accept('column');
      action.accept('if', 'exists');
      const column = action.name();
      if (!column) continue;
      const retypes = action.accept('type') || action.accept('set', 'data', 'type');
      if ((verb !== 'alter' || retypes) && reads(table, column)) gone.push(`"${table}"."${column}"`);
    }
  }
  return gone;
}

/**
 * Judges every migration not grandfathered. All of them are read in order so each rule knows
 * which tables and columns existed before the migration under judgement.
 */
export function checkMigrations(
  migrations: Migration[],
  config: ExpandOnlyConfig,
  previous: PreviousRelease,
): Violation[] {
  const state: SchemaState = new Map();
  const violations: Violation[] = [];
  const released = new Set<string>();
  for (const m of migrations) {
    released.add(m.name);
    if (m.name === previous.lastMigration) break;
  }
  if (!released.has(previous.lastMigration)) released.clear();

  for (const migration of migrations) {
    const judged = !config.grandfathered.includes(migration.name);
    const mine: ThisMigration = { tables: new Set(), columns: new Set() };
    for (const statement of parseMigration(migration.sql).flatMap(withDoBlocksOpened)) {
      const findings = applyAndJudge(statement, state, mine, config);
      if (!judged) continue;
      const markers = markersOf(statement);
      const report = (rule: Rule, message: string) =>
        violations.push({
          migration: migration.name,
          line: statement.line,
          rule,
          message,
          statement: statement.text,
        });

      const contractSteps = findings.filter((f) => CONTRACT_RULES.has(f.rule));
      for (const f of findings) {
        if (CONTRACT_RULES.has(f.rule) && markers.contract) continue;
        if (f.rule === 'index-locks-large-table' && markers.lockOk) continue;
        if ((f.rule === 'constraint' || f.rule === 'tighten-existing-columns') && markers.widens) continue;
        report(f.rule, f.message);
      }
      if (markers.lockOk === null)
        report('index-locks-large-table', '"-- lock-ok:" needs the reason the lock is acceptable');
      if (!markers.contract || contractSteps.length === 0) continue;

      // A contract step says which release stopped using what it removes; for a migration this
      // rollout runs, that must be the release running now, the one the rollout test checks.
      const { release } = markers.contract;
      if (!release) {
        report(
          'contract-marker',
          `a contract marker must say which release is ready: "-- contract: <why>, safe because <release> no longer reads it"`,
        );
      } else if (!released.has(migration.name) && release !== previous.release) {
        report(
          'contract-marker',
          `the contract marker names ${release}, but the previous release (rollout/previous-release-schema.json) is ${previous.release}`,
        );
      } else if (!released.has(migration.name)) {
        for (const what of removedFromPreviousRelease(statement, previous)) {
          report(
            'still-read-by-previous-release',
            `${what} is still in ${previous.release}'s schema (rollout/previous-release-schema.json): that release reads it, so it cannot go before the release after it`,
          );
        }
      }
    }
  }
  return violations;
}
