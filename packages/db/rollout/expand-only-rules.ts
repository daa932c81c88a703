// The rules a migration must follow so the previous release keeps working on the schema it leaves
// (docs/ARCHITECTURE.md, "Migrations: expand → migrate → contract"). The deploy migrates before the
// new version takes traffic and a rollback keeps the migrated schema, so for a while the previous
// release's api and worker run on it: a migration may only add what old code ignores.
import { parseMigration, type Statement, type Token } from './sql-statements';

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

export interface Violation {
  migration: string;
  line: number;
  rule: Rule;
  message: string;
  statement: string;
}

export interface ExpandOnlyConfig {
  /** Migrations written before this check existed: read for the schema they build, never judged. */
  grandfathered: string[];
  /** Tables big enough in production that building an index on them blocks writes for too long. */
  largeTables: string[];
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

// `-- contract: <what and why>, safe because <release> no longer reads it` (writes, inserts, …).
const CONTRACT = /^contract:\s*(.*\S)\s*$/i;
const CONTRACT_READINESS = /\bsafe because (\S+) no longer \w+/i;
const LOCK_OK = /^lock-ok:\s*(.*\S)?\s*$/i;
// `-- widens: <why every row the previous release writes still passes>`: replacing a constraint
// with a looser one (PostgreSQL cannot alter a CHECK in place: drop and add it in one transaction).
const WIDENS = /^widens:\s*(.*\S)?\s*$/i;

interface Markers {
  contract?: { text: string; release?: string };
  lockOk?: string | null;
  widens?: string | null;
}

function markersOf(statement: Statement): Markers {
  const markers: Markers = {};
  for (const comment of statement.comments) {
    const contract = CONTRACT.exec(comment);
    if (contract?.[1])
      markers.contract = { text: contract[1], release: CONTRACT_READINESS.exec(contract[1])?.[1] };
    const lock = LOCK_OK.exec(comment);
    if (lock) markers.lockOk = lock[1] ?? null;
    const widens = WIDENS.exec(comment);
    if (widens) markers.widens = widens[1] ?? null;
  }
  return markers;
}

/** Reads tokens left to right; words compare lower-cased. */
class Cursor {
  constructor(
    private readonly tokens: Token[],
    public at = 0,
  ) {}
  get done() {
    return this.at >= this.tokens.length;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  /** Consumes the words if they come next (`accept('if', 'not', 'exists')`). */
  accept(...words: string[]): boolean {
    const match = words.every((w, k) => {
      const t = this.peek(k);
      return t?.kind === 'word' && t.value === w;
    });
    if (match) this.at += words.length;
    return match;
  }
  isWord(...words: string[]): boolean {
    const t = this.peek();
    return t?.kind === 'word' && words.includes(t.value);
  }
  /** A possibly schema-qualified name; `public.` is dropped. */
  name(): string | undefined {
    const parts: string[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || (t.kind !== 'word' && t.kind !== 'ident')) break;
      parts.push(t.value);
      this.at++;
      if (this.peek()?.value !== '.') break;
      this.at++;
    }
    if (parts.length === 0) return undefined;
    if (parts.length > 1 && parts[0] === 'public') parts.shift();
    return parts.join('.');
  }
  /** The tokens up to the next top-level comma (or the end), consumed along with the comma. */
  untilComma(): Token[] {
    const out: Token[] = [];
    let depth = 0;
    for (let t = this.next(); t; t = this.next()) {
      if (t.value === '(') depth++;
      if (t.value === ')') depth--;
      if (depth === 0 && t.kind === 'punct' && t.value === ',') break;
      out.push(t);
    }
    return out;
  }
  /** Names inside the next parenthesised list, e.g. `("a", "b")`; empty when no list follows. */
  nameList(): string[] {
    if (this.peek()?.value !== '(') return [];
    const names: string[] = [];
    let depth = 0;
    for (let t = this.next(); t; t = this.next()) {
      if (t.value === '(') depth++;
      else if (t.value === ')') {
        if (--depth === 0) break;
      } else if (t.kind === 'ident' || t.kind === 'word') names.push(t.value);
    }
    return names;
  }
  next(): Token | undefined {
    return this.tokens[this.at++];
  }
  rest(): Token[] {
    return this.tokens.slice(this.at);
  }
}

const hasWord = (tokens: Token[], ...words: string[]) =>
  tokens.some((_, k) => words.every((w, j) => tokens[k + j]?.kind === 'word' && tokens[k + j]?.value === w));

/** The schema as the migrations so far build it: table → its columns. */
type SchemaState = Map<string, Set<string>>;

interface Finding {
  rule: Rule;
  message: string;
}

/** What one migration creates itself: old code cannot be using any of it yet. */
interface ThisMigration {
  tables: Set<string>;
  columns: Set<string>;
}

function applyAndJudge(
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
    for (const statement of parseMigration(migration.sql)) {
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
