import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { checkMigrations, type ExpandOnlyConfig, type Migration } from '../rollout/expand-only-rules';
import { previousReleaseProblems } from '../rollout/previous-release-compatibility';
import { readPreviousRelease, type ReleaseSchema } from '../rollout/release-schema';
import { connectionUrl } from '../src/client';
import { dropDatabase, ensureDatabase, runMigrations } from '../src/setup';
import { testDatabaseUrl } from './test-database';

// The rename docs/ARCHITECTURE.md walks through ("Migrations: expand → migrate → contract"):
// labels.color becomes labels.hex_color over v1.5.0 (expand), v1.6.0 (migrate) and v1.7.0
// (contract), on top of the repository's real migrations. Each release's migration passes the
// expand-only check, and on a real database each previous release keeps reading and writing.
const FIXTURES = join(__dirname, 'fixtures', 'rename-over-three-releases');
const MIGRATIONS = join(__dirname, '..', 'migrations');
const fixture = (name: string): Migration => ({
  name,
  sql: readFileSync(join(FIXTURES, `${name}.sql`), 'utf8'),
});
const repository: Migration[] = readdirSync(MIGRATIONS)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => ({ name: f.slice(0, -4), sql: readFileSync(join(MIGRATIONS, f), 'utf8') }));
const config = JSON.parse(
  readFileSync(join(__dirname, '..', 'rollout', 'expand-only.config.json'), 'utf8'),
) as ExpandOnlyConfig;

// What each release's Drizzle schema declares (what `npm run release-schema` would have written).
const baseline = readPreviousRelease();
const v150: ReleaseSchema = {
  release: 'v1.5.0',
  lastMigration: '0016_labels_hex_color',
  tables: {
    ...baseline.tables,
    labels: { ...baseline.tables.labels, hex_color: { type: 'text', notNull: false } },
  },
};
const { color: _color, ...labelsWithoutColor } = v150.tables.labels ?? {};
const v160: ReleaseSchema = {
  release: 'v1.6.0',
  lastMigration: '0017_labels_read_hex_color',
  tables: { ...v150.tables, labels: { ...labelsWithoutColor, hex_color: { type: 'text', notNull: true } } },
};

const [expand, migrate, contract] = [
  fixture('0016_labels_hex_color'),
  fixture('0017_labels_read_hex_color'),
  fixture('0018_drop_labels_color'),
];

describe('a column renamed over three releases: the expand-only check', () => {
  it("passes each release's migration, judged against the release before it", () => {
    expect(checkMigrations([...repository, expand], config, baseline)).toEqual([]);
    expect(checkMigrations([...repository, expand, migrate], config, v150)).toEqual([]);
    expect(checkMigrations([...repository, expand, migrate, contract], config, v160)).toEqual([]);
  });

  it('refuses the drop in the release that stops reading the column', () => {
    const tooEarly = fixture('0017_drop_labels_color_too_early');
    expect(checkMigrations([...repository, expand, tooEarly], config, v150).map((v) => v.rule)).toEqual([
      'still-read-by-previous-release',
    ]);
  });
});

describe('a column renamed over three releases: each previous release on a real database', () => {
  const url = testDatabaseUrl('rename');
  let client: pg.Client;
  let workspaceId: string;

  /** Applies a migration file as Drizzle's migrator does: each chunk between breakpoints, in order. */
  async function apply(migration: Migration) {
    for (const chunk of migration.sql.split('--> statement-breakpoint')) await client.query(chunk);
  }
  async function insertLabel(name: string, columns: Record<string, string>) {
    const names = Object.keys(columns).map((c) => client.escapeIdentifier(c));
    const values = Object.values(columns);
    const { rows } = await client.query<Record<string, string | null>>(
      `INSERT INTO labels (workspace_id, name, ${names.join(', ')})
       VALUES ($1, $2, ${values.map((_, i) => `$${i + 3}`).join(', ')}) RETURNING *`,
      [workspaceId, name, ...values],
    );
    return rows[0];
  }

  beforeAll(async () => {
    await ensureDatabase(url);
    await runMigrations(url);
    client = new pg.Client({ connectionString: connectionUrl(url) });
    await client.connect();
    const user = await client.query<{ id: string }>(
      "INSERT INTO users (email, name) VALUES ('rename@example.test', 'Rename') RETURNING id",
    );
    const workspace = await client.query<{ id: string }>(
      "INSERT INTO workspaces (name, slug, created_by) VALUES ('Rename', 'rename', $1) RETURNING id",
      [user.rows[0]?.id],
    );
    workspaceId = workspace.rows[0]?.id ?? '';
    await insertLabel('written before v1.5.0', { color: '#111111' });
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await dropDatabase(url);
  });

  it('v1.5.0 (expand): the release before it still finds its columns and inserts without hex_color', async () => {
    await apply(expand);
    expect(await previousReleaseProblems(client, baseline)).toEqual([]);
    expect(await insertLabel('written by the baseline', { color: '#222222' })).toMatchObject({
      hex_color: null,
    });
    expect(await insertLabel('written by v1.5.0', { color: '#333333', hex_color: '#333333' })).toMatchObject({
      color: '#333333',
    });
  });

  it('v1.6.0 (migrate): v1.5.0 still reads a filled color, and v1.6.0 writes hex_color only', async () => {
    await apply(migrate);
    expect(await previousReleaseProblems(client, v150)).toEqual([]);
    const { rows } = await client.query('SELECT name, color, hex_color FROM labels ORDER BY name');
    expect(rows.every((r: { color: string; hex_color: string }) => r.hex_color === r.color)).toBe(true);
    expect(
      await insertLabel('written by v1.5.0 during the rollout', { color: '#444444', hex_color: '#444444' }),
    ).toMatchObject({
      color: '#444444',
    });
    expect(await insertLabel('written by v1.6.0', { hex_color: '#555555' })).toMatchObject({
      color: '#555555',
    });
  });

  it('v1.7.0 (contract): v1.6.0 never read color, so dropping it breaks nothing; for v1.5.0 it would have', async () => {
    await apply(contract);
    expect(await previousReleaseProblems(client, v160)).toEqual([]);
    expect(await previousReleaseProblems(client, v150)).toEqual([
      'column "labels"."color" is gone (v1.5.0 reads it)',
    ]);
    expect(await insertLabel('written by v1.7.0', { hex_color: '#666666' })).toMatchObject({
      hex_color: '#666666',
    });
  });
});
