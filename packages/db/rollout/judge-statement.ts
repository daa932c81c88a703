// What one statement does to the schema, and which expand-only rules it breaks (judged against
// the tables and columns that existed before its migration). expand-only-rules.ts decides which
// findings a marker lets through.
import type { Statement } from './sql-statements';
import { Cursor, hasWord } from './sql-cursor';

export type Rule =
  | 'drop'
  | 'rename'
  | 'alter-column-type'
  | 'set-not-null'
  | 'not-null-without-default'
  | 'drop-default'
  | 'constraint'
  | 'tighten-existing-columns'
  | 'concurrently-in-transaction'
  | 'index-locks-large-table'
  | 'contract-marker'
  | 'still-read-by-previous-release';

export interface ExpandOnlyConfig {
  /** Migrations written before this check existed: read for the schema they build, never judged. */
  grandfathered: string[];
  /** Tables big enough in production that building an index on them blocks writes for too long. */
  largeTables: string[];
}

/** The schema as the migrations so far build it: table → its columns. */
export type SchemaState = Map<string, Set<string>>;

export interface Finding {
  rule: Rule;
  message: string;
}

/** What one migration creates itself: old code cannot be using any of it yet. */
export interface ThisMigration {
  tables: Set<string>;
  columns: Set<string>;
}

export function applyAndJudge(
  statement: Statement,
  state: SchemaState,
  mine: ThisMigration,
  config: ExpandOnlyConfig,
): Finding[] {
  const c = new Cursor(statement.tokens);
  const findings: Finding[] = [];
  const isNew = (table: string, column?: string) =>
    mine.tables.has(table) || (column !== undefined && mine.columns.has(`${table}.${column}`));
  const existed = (table: string) => state.has(table) && !mine.tables.has(table);

  if (c.accept('create')) {
    c.accept('or', 'replace');
    c.accept('unlogged');
    if (c.accept('table')) {
      c.accept('if', 'not', 'exists');
      const table = c.name();
      if (!table) return findings;
      const columns = new Set<string>();
      if (c.peek()?.value === '(') {
        c.at++;
        while (!c.done && c.peek()?.value !== ')') {
          const element = new Cursor(c.untilComma());
          if (element.isWord('constraint', 'primary', 'unique', 'check', 'foreign', 'exclude', 'like'))
            continue;
          const column = element.name();
          if (column) columns.add(column);
        }
      }
      state.set(table, columns);
      mine.tables.add(table);
      return findings;
    }
    const unique = c.accept('unique');
    if (c.accept('index')) {
      const concurrently = c.accept('concurrently');
      c.accept('if', 'not', 'exists');
      if (!c.isWord('on')) c.name();
      if (!c.accept('on')) return findings;
      c.accept('only');
      const table = c.name();
      if (!table) return findings;
      if (concurrently) {
        findings.push({
          rule: 'concurrently-in-transaction',
          message:
            "CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and Drizzle's migrator applies all pending migrations in one transaction: the deploy's migrate step would fail",
        });
      }
      if (!existed(table)) return findings;
      if (c.accept('using')) c.at++;
      const columns = c.nameList();
      // Rows the previous release writes leave new columns null, and nulls never collide.
      if (unique && columns.every((col) => !isNew(table, col))) {
        findings.push({
          rule: 'tighten-existing-columns',
          message: `a unique index on existing columns of "${table}" rejects rows the previous release may still write`,
        });
      }
      if (!concurrently && config.largeTables.includes(table)) {
        findings.push({
          rule: 'index-locks-large-table',
          message: `building an index on "${table}" (a large table) blocks its writes until the build ends; say why that is acceptable with "-- lock-ok: <why>"`,
        });
      }
    }
    return findings;
  }

  if (c.accept('drop')) {
    const kind = c.peek()?.value ?? '';
    findings.push({
      rule: 'drop',
      message: `DROP ${kind.toUpperCase()} removes what the previous release may still use: a contract step`,
    });
    if (kind === 'table') {
      c.at++;
      c.accept('if', 'exists');
      do {
        const table = c.name();
        if (table) state.delete(table);
      } while (c.peek()?.value === ',' && ++c.at);
    }
    return findings;
  }

  if (c.accept('truncate')) {
    findings.push({
      rule: 'drop',
      message: 'TRUNCATE removes rows the previous release may still read: a contract step',
    });
    return findings;
  }

  if (c.accept('alter')) {
    if (!c.accept('table')) {
      // ALTER INDEX/TYPE/SEQUENCE/VIEW …: renames and drops are contract steps, the rest adds.
      if (hasWord(c.rest(), 'rename')) {
        findings.push({
          rule: 'rename',
          message: 'a rename breaks the previous release, which uses the old name',
        });
      } else if (hasWord(c.rest(), 'drop')) {
        findings.push({ rule: 'drop', message: 'this removes what the previous release may still use' });
      }
      return findings;
    }
    c.accept('if', 'exists');
    c.accept('only');
    const table = c.name();
    if (!table) return findings;
    const columns = state.get(table) ?? new Set<string>();
    state.set(table, columns);

    while (!c.done) {
      const action = new Cursor(c.untilComma());
      if (action.accept('rename')) {
        findings.push({
          rule: 'rename',
          message: `a rename on "${table}" breaks the previous release, which uses the old name`,
        });
        if (action.accept('to')) {
          const to = action.name();
          if (to) {
            state.set(to, columns);
            state.delete(table);
          }
        } else if (!action.accept('constraint')) {
          action.accept('column');
          const from = action.name();
          action.accept('to');
          const to = action.name();
          if (from && to) {
            columns.delete(from);
            columns.add(to);
          }
        }
      } else if (action.accept('add')) {
        if (action.isWord('constraint', 'primary', 'unique', 'check', 'foreign', 'exclude')) {
          if (action.accept('constraint')) action.name();
          // A CHECK may reject an old row by any column it reads. A foreign key, unique key or
          // primary key passes rows whose new columns the previous release leaves null (nulls
          // match nothing), so it tightens only when all its columns are old ones.
          const check = action.isWord('check');
          const own = action.accept('foreign', 'key')
            ? action.nameList()
            : action
                .rest()
                .filter((t) => (t.kind === 'ident' || t.kind === 'word') && columns.has(t.value))
                .map((t) => t.value);
          const old = own.filter((col) => !isNew(table, col));
          if (existed(table) && old.length > 0 && (check || old.length === own.length)) {
            findings.push({
              rule: 'tighten-existing-columns',
              message: `a constraint on existing columns of "${table}" rejects rows the previous release may still write`,
            });
          }
          continue;
        }
        action.accept('column');
        action.accept('if', 'not', 'exists');
        const column = action.name();
        if (!column) continue;
        columns.add(column);
        mine.columns.add(`${table}.${column}`);
        const definition = action.rest();
        const fillsItself =
          hasWord(definition, 'default') ||
          hasWord(definition, 'generated') ||
          definition.some((t) => t.kind === 'word' && /^(small|big)?serial$/.test(t.value));
        if (existed(table) && hasWord(definition, 'not', 'null') && !fillsItself) {
          findings.push({
            rule: 'not-null-without-default',
            message: `"${table}"."${column}" is NOT NULL without a DEFAULT: the previous release's inserts do not set it and fail`,
          });
        }
      } else if (action.accept('drop')) {
        if (action.accept('constraint')) {
          findings.push({
            rule: 'constraint',
            message: `dropping a constraint of "${table}" the previous release may rely on (ON CONFLICT targets, cascades, checks)`,
          });
          continue;
        }
        action.accept('column');
        action.accept('if', 'exists');
        const column = action.name();
        if (column && !isNew(table, column)) {
          findings.push({
            rule: 'drop',
            message: `dropping "${table}"."${column}" breaks the previous release, which still selects it: a contract step`,
          });
        }
        if (column) columns.delete(column);
      } else if (action.accept('alter')) {
        if (action.accept('constraint')) {
          findings.push({
            rule: 'constraint',
            message: `altering a constraint of "${table}" the previous release may rely on`,
          });
          continue;
        }
        action.accept('column');
        const column = action.name() ?? '';
        if (isNew(table, column)) continue;
        const ref = `"${table}"."${column}"`;
        if (action.accept('type') || action.accept('set', 'data', 'type')) {
          findings.push({
            rule: 'alter-column-type',
            message: `changing the type of ${ref} in place: the previous release reads and writes the old type (and the table is rewritten under lock); add a new column instead`,
          });
        } else if (action.accept('set', 'not', 'null')) {
          findings.push({
            rule: 'set-not-null',
            message: `SET NOT NULL on ${ref}: the previous release may still insert rows without it; a contract step once every running release writes it`,
          });
        } else if (action.accept('drop', 'not', 'null')) {
          // Loosening: the previous release's writes still pass. (New code must not write nulls
          // there while a release that reads the column as non-null still runs: see the docs.)
        } else if (action.accept('drop', 'default')) {
          findings.push({
            rule: 'drop-default',
            message: `dropping the default of ${ref}: the previous release's inserts may rely on it`,
          });
        } else if (action.accept('drop')) {
          findings.push({
            rule: 'drop',
            message: `dropping part of ${ref} the previous release may rely on`,
          });
        }
      }
    }
  }
  return findings;
}
