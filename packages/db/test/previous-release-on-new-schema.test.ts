import pg from 'pg';
import { previousReleaseProblems, stillReadable } from '../rollout/previous-release-compatibility';
import { currentSchemaTables, lastMigration, readPreviousRelease } from '../rollout/release-schema';
import { connectionUrl } from '../src/client';
import { dropDatabase, ensureDatabase, runMigrations } from '../src/setup';
import { testDatabaseUrl } from './test-database';

// During a rollout the deploy migrates first, so the previous release's api runs on the new schema
// until the new one takes over (and again after a rollback). rollout/previous-release-schema.json
// is what that release's Drizzle schema declares, every column of which its queries name: a
// database migrated to HEAD must still have each one, with a type it reads, and must not require
// a value its inserts never give.
const previous = readPreviousRelease();
const url = testDatabaseUrl('rollout');
let client: pg.Client;

beforeAll(async () => {
  await ensureDatabase(url);
  await runMigrations(url);
  client = new pg.Client({ connectionString: connectionUrl(url) });
  await client.connect();
}, 60_000);

afterAll(async () => {
  await client?.end();
  await dropDatabase(url);
});

describe(`the previous release (${previous.release}) on a database migrated to HEAD`, () => {
  it('finds every table and column it reads, with a type it can read, and can insert without the new columns', async () => {
    expect(await previousReleaseProblems(client, previous)).toEqual([]);
  });

  it("runs each of its tables' select, the query Drizzle sends for select().from(table)", async () => {
    for (const [table, columns] of Object.entries(previous.tables)) {
      const list = Object.keys(columns).map((c) => client.escapeIdentifier(c));
      await expect(
        client.query(`SELECT ${list.join(', ')} FROM ${client.escapeIdentifier(table)} LIMIT 0`),
      ).resolves.toBeDefined();
    }
  });

  it('is reported broken by a migration that renames, retypes or requires a column it does not know', async () => {
    // The three classic breaking changes, applied and rolled back (PostgreSQL DDL is transactional).
    await client.query('BEGIN');
    try {
      await client.query('ALTER TABLE "tasks" RENAME COLUMN "title" TO "name"');
      await client.query('ALTER TABLE "projects" ALTER COLUMN "version" TYPE bigint');
      await client.query('ALTER TABLE "comments" ADD COLUMN "edited_by" uuid NOT NULL');
      const release = previous.release;
      expect(await previousReleaseProblems(client, previous)).toEqual([
        `column "comments"."edited_by" is NOT NULL without a default: ${release}'s inserts into "comments" do not set it`,
        `column "projects"."version" is bigint; ${release} reads it as integer`,
        `column "tasks"."title" is gone (${release} reads it)`,
        `column "tasks"."name" is NOT NULL without a default: ${release}'s inserts into "tasks" do not set it`,
      ]);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});

describe('the committed previous-release schema', () => {
  it('names a migration in the journal, and equals the Drizzle schema while that is still the last one', () => {
    const current = lastMigration();
    expect(previous.lastMigration <= current).toBe(true);
    if (previous.lastMigration === current) expect(previous.tables).toEqual(currentSchemaTables());
  });

  it('treats only a wider varchar, or text, as still readable', () => {
    expect(stillReadable('character varying(80)', 'character varying(200)')).toBe(true);
    expect(stillReadable('character varying(80)', 'text')).toBe(true);
    expect(stillReadable('character varying(200)', 'character varying(80)')).toBe(false);
    expect(stillReadable('integer', 'bigint')).toBe(false);
    expect(stillReadable('text[]', 'text')).toBe(false);
    expect(stillReadable('timestamp with time zone', 'timestamp with time zone')).toBe(true);
  });
});
