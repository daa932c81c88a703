import { exitOnStartupFailure } from '@teamflow/core/platform/startup-failure';
import { directDatabaseUrl, loadEnv } from '@teamflow/config/env';
import { connectRedis, warnUnlessNoEviction } from '@teamflow/core/platform/redis';
import { createDb } from '@teamflow/db/client';
import { ensureDatabase, runMigrations } from '@teamflow/db/setup';
import { createApp } from './app';
import { createApiServer } from './http/api-server';
import { createOutboxRelay } from '@teamflow/core/events/outbox-relay';
import { createJobRelay } from '@teamflow/core/jobs/job-relay';
import { buildDeps } from './deps';
import { attachRealtime } from './realtime/attach-realtime';
import { initErrorReporter } from '@teamflow/core/platform/error-reporter';

async function main(): Promise<void> {
  const env = loadEnv();
  const reporter = initErrorReporter(env, 'api');
  // On the direct connection: CREATE DATABASE and migrations do not go through a pooler.
  await ensureDatabase(directDatabaseUrl(env));
  await runMigrations(directDatabaseUrl(env), { statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS });
  const deps = buildDeps(env);
  deps.reportError = reporter?.report;
  await connectRedis(deps.redis, env.REDIS_URL);
  // BullMQ keeps jobs in plain keys: an evicting Redis drops them under memory pressure.
  await warnUnlessNoEviction(deps.redis, deps.logger);
  const { app, state, routes } = createApp(deps);
  const server = createApiServer(app, deps.logger);
  server.keepAliveTimeout = 65_000;
  const realtime = await attachRealtime(server, deps);
  // Every instance runs a relay; an advisory lock lets one publish at a time.
  // Woken by NOTIFY at each commit that writes the outbox; OUTBOX_POLL_MS is the fallback. Its
  // own connection, so a burst of requests holding the pool never delays publishing.
  const relayDb = createDb(env.DATABASE_URL, { max: 1 });
  const relay = createOutboxRelay({ ...deps, db: relayDb.db }, { listen: true, idleMs: env.OUTBOX_POLL_MS });
  relay.start();
  // Creates committed here wake it directly rather than by NOTIFY (outbox-relay.ts#committed).
  deps.outboxRelay = relay;
  // Jobs staged in job_outbox (emails) reach BullMQ from here; `skip locked` shares them out.
  const jobRelay = createJobRelay(deps, deps.queues);
  jobRelay.start();
  await new Promise<void>((resolve) => server.listen(env.API_PORT, resolve));
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Readiness fails first so a load balancer stops sending; in-flight requests then finish.
    state.shuttingDown = true;
    deps.logger.info('api shutting down', { signal });
    const force = setTimeout(() => {
      deps.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, env.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // Stop listening; keep-alive connections close as soon as they fall idle (responses sent meanwhile
    // say `Connection: close`). Then wait for handlers still running, even those whose client hung up.
    let closed = false;
    server.close(() => (closed = true));
    // Sockets would hold the server open; clients reconnect to another instance.
    await realtime.close();
    while (!closed || routes.inFlight > 0) {
      server.closeIdleConnections();
      await new Promise((r) => setTimeout(r, 25));
    }
    await relay.stop();
    await relayDb.close();
    await jobRelay.stop();
    await deps.close();
    await reporter?.close();
    deps.logger.info('api stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // Announced only once a SIGTERM would be handled: whoever acts on this line may signal at once,
  // and before the handlers a signal killed the process outright, mid-request.
  deps.logger.info('api listening', { url: env.API_URL, port: env.API_PORT });
}

main().catch((error: unknown) => exitOnStartupFailure(error, 'teamflow api'));
