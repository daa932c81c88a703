import { randomBytes } from 'node:crypto';

/** A database of its own for one test file (`teamflow_test_<name>_<pid>_<random>`) on the test server. */
export function testDatabaseUrl(name: string): string {
  const base = new URL(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/teamflow',
  );
  base.pathname = `/teamflow_test_${name}_${process.pid}_${randomBytes(3).toString('hex')}`;
  return base.toString();
}
