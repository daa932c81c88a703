import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { connectionUrl } from '../src/client';
import { dropDatabase, ensureDatabase, MIGRATIONS_DIR, runMigrations } from '../src/setup';
import { migrateUpTo, testDatabaseUrl } from './test-database';

// Migration 0022: the zone names the api took before it refused those PostgreSQL does not read as
// the same IANA zone (Java's three-letter ids, dropped links) become the zone Intl took them for.
const BEFORE = '0021_outbox_relay_pass';
const MIGRATION = readFileSync(join(MIGRATIONS_DIR, '0022_legacy_time_zones.sql'), 'utf8');
const PAIRS = [...MIGRATION.matchAll(/\('([A-Z/-]+)', '([A-Za-z_/]+)'\)/g)].map(
  (m) => [m[1]!, m[2]!] as const,
);

/** The zone Intl resolves a name to (ICU keeps old link names: Asia/Kolkata is Asia/Calcutta to it). */
const resolved = (zone: string) =>
  new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;

describe('the legacy time zone names of migration 0022', () => {
  it('maps every name to the zone Intl took it for', () => {
    expect(PAIRS).toHaveLength(27);
    for (const [legacy, iana] of PAIRS) expect([legacy, resolved(iana)]).toEqual([legacy, resolved(legacy)]);
  });
});

describe('migration 0022 on a database that stored them', () => {
  const url = testDatabaseUrl('zones');
  let client: pg.Client;
  const zoneOf = async (table: string, id: string) =>
    (await client.query<{ time_zone: string }>(`select time_zone from ${table} where id = $1`, [id])).rows[0]!
      .time_zone;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    await ensureDatabase(url);
    await migrateUpTo(url, BEFORE);
    client = new pg.Client({ connectionString: connectionUrl(url) });
    await client.connect();
    const one = async (sql: string, params: unknown[]) =>
      (await client.query<{ id: string }>(sql, params)).rows[0]!.id;
    ids.pst = await one(
      `insert into users (email, name, password_hash, time_zone) values ($1, 'Pat', 'x', 'pst') returning id`,
      [`zones-${randomUUID()}@example.test`],
    );
    ids.bet = await one(
      `insert into users (email, name, password_hash, time_zone) values ($1, 'Bet', 'x', 'bet') returning id`,
      [`zones-${randomUUID()}@example.test`],
    );
    ids.berlin = await one(
      `insert into users (email, name, password_hash, time_zone) values ($1, 'Ber', 'x', 'Europe/Berlin') returning id`,
      [`zones-${randomUUID()}@example.test`],
    );
    ids.workspace = await one(
      `insert into workspaces (name, slug, created_by, time_zone) values ('Z', $1, $2, 'IST') returning id`,
      [`zones-${randomUUID().slice(0, 8)}`, ids.pst],
    );
    ids.project = await one(
      `insert into projects (workspace_id, key, name, created_by, time_zone) values ($1, 'ZZ', 'Z', $2, 'US/Pacific-New') returning id`,
      [ids.workspace, ids.pst],
    );
    await runMigrations(url);
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await dropDatabase(url);
  });

  it('rewrites stored legacy names, in any letter case, and leaves IANA names alone', async () => {
    expect(await zoneOf('users', ids.pst!)).toBe('America/Los_Angeles');
    expect(await zoneOf('users', ids.bet!)).toBe('America/Sao_Paulo');
    expect(await zoneOf('users', ids.berlin!)).toBe('Europe/Berlin');
    expect(await zoneOf('workspaces', ids.workspace!)).toBe('Asia/Kolkata');
    expect(await zoneOf('projects', ids.project!)).toBe('America/Los_Angeles');
  });

  it('leaves only names PostgreSQL reads as zones: local dates over all users can be read again', async () => {
    // Before, 'bet' failed this query for everyone ("time zone not recognized").
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from users where (now() at time zone time_zone) is not null`,
    );
    expect(rows[0]!.n).toBe(3);
    for (const [, iana] of PAIRS) await client.query('select now() at time zone $1', [iana]);
  });
});
