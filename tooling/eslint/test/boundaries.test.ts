import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

interface Case {
  pkg: string;
  file: string;
  code: string;
}

// Each case lints a deliberate breach (or an allowed import) as if it were a real file of a
// package, with that package's own config: the rules are proven where they apply.
function lint(cases: Case[]): { rule: string | null; message: string }[][] {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-cases.mjs')], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 10 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { rule: string | null; message: string }[][];
}

const restricted = (messages: { rule: string | null; message: string }[]) =>
  messages.filter((m) => m.rule === 'no-restricted-imports').map((m) => m.message);

const drizzle = "import { sql } from 'drizzle-orm';\nexport const one = sql`select 1`;\n";
const repository =
  "import { findTaskRecord } from '@teamflow/core/tasks/tasks.repository';\nexport { findTaskRecord };\n";
const testHelper =
  "import { isolatedStore } from '@teamflow/core/testing/isolated-store';\nexport { isolatedStore };\n";

const newRedis =
  "import { Redis } from 'ioredis';\nexport const redis = new Redis('redis://127.0.0.1:6379');\n";
const newCluster =
  "import { Cluster } from 'ioredis';\nexport const redis = new Cluster([{ host: '127.0.0.1', port: 7000 }]);\n";
const redisRule = (messages: { rule: string | null; message: string }[]) =>
  messages.filter((m) => m.rule === 'no-restricted-syntax').map((m) => m.message);

describe('import boundaries held by the linter', () => {
  const results = lint([
    { pkg: 'packages/core', file: 'src/tasks/update-task.ts', code: drizzle },
    { pkg: 'packages/core', file: 'src/tasks/tasks.repository.ts', code: drizzle },
    { pkg: 'packages/db', file: 'src/client.ts', code: drizzle },
    { pkg: 'apps/api', file: 'src/routes/tasks.routes.ts', code: repository },
    { pkg: 'apps/worker', file: 'src/handlers/email/send.job.ts', code: repository },
    { pkg: 'apps/worker', file: 'src/main.ts', code: testHelper },
    {
      pkg: 'packages/core',
      file: 'src/seed/seed-demo.ts',
      code: "import { isolatedStore } from '../../testing/isolated-store';\nexport { isolatedStore };\n",
    },
    { pkg: 'apps/worker', file: 'test/support.ts', code: testHelper + repository },
    { pkg: 'apps/api', file: 'src/realtime/presence.ts', code: newRedis },
    { pkg: 'packages/core', file: 'src/platform/redis.ts', code: newCluster },
    { pkg: 'apps/api', file: 'test/private-redis.ts', code: newRedis },
  ]);

  it('refuses Drizzle in a core file that is not a repository', () => {
    expect(restricted(results[0]!)).toEqual([expect.stringContaining('Only *.repository.ts files')]);
  });

  it('lets repositories and packages/db use Drizzle', () => {
    expect(restricted(results[1]!)).toEqual([]);
    expect(restricted(results[2]!)).toEqual([]);
  });

  it('refuses a core repository imported by the api or the worker', () => {
    expect(restricted(results[3]!)).toEqual([expect.stringContaining('never its repositories')]);
    expect(restricted(results[4]!)).toEqual([expect.stringContaining('never its repositories')]);
  });

  it('refuses test helpers in product code, by package path or relative path', () => {
    expect(restricted(results[5]!)).toEqual([expect.stringContaining('Test helpers are for tests')]);
    expect(restricted(results[6]!)).toEqual([expect.stringContaining('Test helpers are for tests')]);
  });

  it('lets tests use test helpers and repositories', () => {
    expect(restricted(results[7]!)).toEqual([]);
  });

  it('refuses a Redis client or Cluster opened outside the one factory, except in tests', () => {
    expect(redisRule(results[8]!)).toEqual([expect.stringContaining('createRedisConnection')]);
    expect(redisRule(results[9]!)).toEqual([expect.stringContaining('createRedisConnection')]);
    expect(redisRule(results[10]!)).toEqual([]);
  });
});
