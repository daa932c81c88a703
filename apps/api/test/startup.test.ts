import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';

// `npm start` runs prepare (migrate + seed) and then the server; both must fail in one clear line.
// Each test runs its entry through tsx: PROCESS_START_MS per run, on top of the test's own 30 s.
const ENTRIES = {
  server: join(__dirname, '..', 'src', 'server.ts'),
  prepare: join(__dirname, '..', 'src', 'cli', 'prepare.ts'),
};

function run(
  entry: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, ...env },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => resolve({ code, stderr, stdout }));
  });
}

describe.each(Object.entries(ENTRIES))('%s start-up', (_name, entry) => {
  it(
    'exits 1 with one line naming the Redis URL and how to start Redis when Redis is not answering',
    async () => {
      const { code, stderr } = await run(entry, { REDIS_URL: 'redis://127.0.0.1:1' });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('Redis is not answering at redis://127.0.0.1:1');
      expect(stderr).toContain('redis-server');
      expect(stderr).not.toMatch(/\n\s+at /);
    },
    PROCESS_START_MS + 30_000,
  );

  it(
    'exits 1 with one line naming the database URL (password hidden) when PostgreSQL is not answering',
    async () => {
      const { code, stderr } = await run(entry, {
        DATABASE_URL: 'postgres://root:hunter2@127.0.0.1:1/teamflow',
      });
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toContain('PostgreSQL is not answering at postgres://root:***@127.0.0.1:1/teamflow');
      expect(stderr).toContain('pg_ctlcluster');
      expect(stderr).not.toContain('hunter2');
    },
    PROCESS_START_MS + 30_000,
  );

  it(
    'exits 1 naming each bad variable when the configuration is invalid',
    async () => {
      const { code, stderr } = await run(entry, { API_PORT: 'eighty', RATE_LIMIT_AUTH_PER_MINUTE: '-3' });
      expect(code).toBe(1);
      expect(stderr).toContain('API_PORT');
      expect(stderr).toContain('RATE_LIMIT_AUTH_PER_MINUTE');
      expect(stderr).not.toMatch(/\n\s+at /);
    },
    PROCESS_START_MS + 30_000,
  );
});

describe('prepare', () => {
  it(
    'creates a missing database, migrates it and seeds the demo once',
    async () => {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `${url.pathname}_prepare`;
      const first = await run(ENTRIES.prepare, { DATABASE_URL: url.toString() });
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(first.stdout)).toMatchObject({
        migrated: true,
        seed: { created: true, workspaceSlug: 'acme' },
      });
      const second = await run(ENTRIES.prepare, { DATABASE_URL: url.toString() });
      expect(second.code).toBe(0);
      expect(JSON.parse(second.stdout)).toMatchObject({ migrated: true, seed: { created: false } });
      const { dropDatabase } = await import('@teamflow/db/setup');
      await dropDatabase(url.toString());
    },
    2 * PROCESS_START_MS + 30_000,
  );
});

describe('migrate (the deploy step before traffic)', () => {
  const migrate = join(__dirname, '..', 'src', 'cli', 'migrate.ts');

  it(
    'creates a missing database, applies the migrations, and is a no-op the second time',
    async () => {
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `${url.pathname}_migrate`;
      // Only DATABASE_URL: the step must not need the app's secrets or Redis.
      const first = await run(migrate, { DATABASE_URL: url.toString(), REDIS_URL: 'redis://127.0.0.1:1' });
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(JSON.parse(first.stdout)).toMatchObject({ migrated: true });
      const second = await run(migrate, { DATABASE_URL: url.toString() });
      expect(second.code).toBe(0);
      const { Client } = await import('pg');
      const { connectionUrl } = await import('@teamflow/db/client');
      const client = new Client({ connectionString: connectionUrl(url.toString()) });
      await client.connect();
      const { rows } = await client.query<{ n: string }>(
        'select count(*) as n from drizzle.__drizzle_migrations',
      );
      await client.end();
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
      const { dropDatabase } = await import('@teamflow/db/setup');
      await dropDatabase(url.toString());
    },
    2 * PROCESS_START_MS + 30_000,
  );

  it(
    'exits 1 in one line when DATABASE_URL is missing',
    async () => {
      const { code, stderr } = await run(migrate, { DATABASE_URL: '' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        'teamflow migrate: Invalid configuration: DATABASE_URL: must be set to the database to migrate',
      );
    },
    PROCESS_START_MS + 30_000,
  );
});
