import { exitOnStartupFailure } from '@teamflow/core/platform/startup-failure';
import { directDatabaseUrl, loadMigrationEnv } from '@teamflow/config/env';
import { ensureDatabase, redactUrl, runMigrations } from '@teamflow/db/setup';

/**
 * The deploy's migration step (`node dist/migrate.js` in the api image, deploy.yml): applies the
 * committed migrations once, before the new version takes traffic, and exits. Needs only
 * DATABASE_URL (DATABASE_DIRECT_URL too when a pooler sits in front: migrations run direct), so the step never holds the app's other secrets. The api still applies pending
 * migrations at start (a no-op after this step), which keeps `npm start` and docker compose one step.
 */
async function main(): Promise<void> {
  const env = loadMigrationEnv();
  const url = directDatabaseUrl(env);
  await ensureDatabase(url);
  await runMigrations(url, { statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS });
  process.stdout.write(`${JSON.stringify({ migrated: true, database: redactUrl(url) })}\n`);
}

main().catch((error: unknown) => exitOnStartupFailure(error, 'teamflow migrate'));
