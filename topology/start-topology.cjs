// TeamFlow scaled out on one machine, the way production runs it: the built api (`dist/server.js`)
// as several instances behind nginx, the built worker (`dist/main.js`) twice, all of them going
// to PostgreSQL through PgBouncer in transaction mode (the outbox LISTEN and migrations direct),
// optionally with a streaming read replica taking the reads that tolerate lag and a Redis Cluster
// (three primaries with a replica each) instead of one Redis.
// Used by `npm run topology` (scripts/topology.mjs), the topology suite (topology/test/) and the
// scale bench (bench/scale/). Every server is started here, on loopback, and stopped by stop().
'use strict';
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const {
  freePort,
  startNginx,
  startPgBouncer,
  startRedisCluster,
  startReplica,
} = require('@teamflow/local-services');

const repoRoot = join(__dirname, '..');
const API_ENTRY = join(repoRoot, 'apps', 'api', 'dist', 'server.js');
// The V8 flags production runs the api with (the Dockerfile's CMD).
const API_NODE_FLAGS = require('../apps/api/node-flags.json');
const MIGRATE_ENTRY = join(repoRoot, 'apps', 'api', 'dist', 'migrate.js');
const WORKER_ENTRY = join(repoRoot, 'apps', 'worker', 'dist', 'main.js');
const LOG_TAIL_LINES = 400;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child's output, line by line, to `onLine` and a bounded tail kept for error messages. */
function collectOutput(child, name, onLine) {
  const tail = [];
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > LOG_TAIL_LINES) tail.shift();
        onLine?.(name, line);
      }
    });
  }
  return () => tail.join('\n');
}

/** Spawns `node entry` with `env` (nothing inherited but PATH and HOME). */
function spawnNode(name, entry, env, onLine, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, entry], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = collectOutput(child, name, onLine);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, log, exited };
}

/** Polls `url` until it answers 200; fails at once if the process behind it exits. */
async function waitReady(url, proc, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      throw new Error(`${what} exited before it was ready:\n${proc.log()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await sleep(100);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${last}):\n${proc.log()}`);
}

/** SIGTERM (or `signal`), then SIGKILL after `graceMs`; resolves when the process is gone. */
async function stopProcess(proc, signal = 'SIGTERM', graceMs = 15_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  proc.child.kill(signal);
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

/**
 * Starts the arrangement on `databaseUrl` (migrated here first, as a deploy does) and Redis at
 * `redisUrl` under `redisKeyPrefix`. Resolves once nginx, every api instance and every worker
 * answer ready. `env` adds variables to every api and worker (rate limits, LOG_LEVEL, …);
 * `onLine(name, line)` receives their output (`api-1`, `worker-2`, …).
 */
async function startTopology(options) {
  const apiCount = options.apis ?? 3;
  const workerCount = options.workers ?? 2;
  for (const entry of workerCount > 0 ? [API_ENTRY, WORKER_ENTRY] : [API_ENTRY])
    if (!existsSync(entry))
      throw new Error(
        `${entry} is missing: build first (turbo run build --filter=@teamflow/api --filter=@teamflow/worker)`,
      );
  const onLine = options.onLine;
  const stoppers = [];
  const stopAll = async () => {
    for (const stop of stoppers.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    // With a replica, the database lives on a PostgreSQL primary of its own (the machine's server
    // allows no replication connections), under the name `databaseUrl` gives.
    let directUrl = options.databaseUrl;
    let replica;
    if (options.replica) {
      replica = await startReplica();
      stoppers.push(() => replica.close());
      directUrl = replica.primaryUrl(decodeURIComponent(new URL(options.databaseUrl).pathname.slice(1)));
    }
    let redisCluster;
    if (options.redisCluster) {
      redisCluster = await startRedisCluster();
      stoppers.push(() => redisCluster.close());
    }
    const migrate = spawnNode(
      'migrate',
      MIGRATE_ENTRY,
      { DATABASE_URL: directUrl, NODE_ENV: 'production' },
      onLine,
    );
    const migrated = await migrate.exited;
    if (migrated.code !== 0) throw new Error(`migrating ${directUrl} failed:\n${migrate.log()}`);

    // Twenty server connections shared by every api and worker pool (DB_POOL_MAX each): clients
    // queue in PgBouncer instead of each holding a PostgreSQL backend, as in production.
    const pgbouncer = await startPgBouncer({
      upstreamUrl: directUrl,
      poolSize: options.pgbouncerPoolSize ?? 20,
    });
    stoppers.push(() => pgbouncer.close());

    const apiPorts = await Promise.all(Array.from({ length: apiCount }, () => freePort()));
    const nginxPort = options.nginxPort ?? (await freePort());
    const publicUrl = `http://127.0.0.1:${nginxPort}`;
    const secrets = options.secrets ?? {
      access: randomBytes(32).toString('hex'),
      refresh: randomBytes(32).toString('hex'),
    };
    const shared = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: pgbouncer.pooledUrl(directUrl),
      DATABASE_DIRECT_URL: directUrl,
      REDIS_URL: options.redisUrl,
      REDIS_KEY_PREFIX: options.redisKeyPrefix,
      JWT_ACCESS_SECRET: secrets.access,
      JWT_REFRESH_SECRET: secrets.refresh,
      API_URL: publicUrl,
      WEB_ORIGIN: options.webOrigin ?? 'http://localhost:3000',
      // Empty beats anything a developer's .env.local sets.
      SENTRY_DSN: '',
      // Reads that tolerate lag (lists, search, analytics, digests) go to the replica directly.
      ...(replica ? { DATABASE_REPLICA_URL: replica.replicaUrl(new URL(directUrl).pathname.slice(1)) } : {}),
      ...(redisCluster ? redisCluster.env : {}),
      ...options.env,
    };

    const apis = apiPorts.map((port, i) => {
      const name = `api-${i + 1}`;
      const instance = {
        name,
        port,
        url: `http://127.0.0.1:${port}`,
        proc: undefined,
        get pid() {
          return instance.proc?.child.pid;
        },
        log: () => instance.proc?.log() ?? '',
        async start(env = {}) {
          instance.proc = spawnNode(
            name,
            API_ENTRY,
            { ...shared, ...env, API_PORT: String(port), TRUST_PROXY: 'true' },
            onLine,
            API_NODE_FLAGS,
          );
          await waitReady(`${instance.url}/health/ready`, instance.proc, name);
        },
        /** Stops it: SIGTERM drains it as a deploy would, SIGKILL is a crash. */
        stop: (signal = 'SIGTERM') =>
          instance.proc ? stopProcess(instance.proc, signal) : Promise.resolve(),
      };
      return instance;
    });
    stoppers.push(() => Promise.all(apis.map((a) => a.stop())));
    await Promise.all(apis.map((a) => a.start()));

    const nginx = await startNginx({ port: nginxPort, upstreams: apis.map((a) => `127.0.0.1:${a.port}`) });
    stoppers.push(() => nginx.close());

    const workerPorts = await Promise.all(Array.from({ length: workerCount }, () => freePort()));
    const workers = workerPorts.map((healthPort, i) => {
      const name = `worker-${i + 1}`;
      const worker = {
        name,
        healthUrl: `http://127.0.0.1:${healthPort}/health/ready`,
        proc: spawnNode(name, WORKER_ENTRY, { ...shared, WORKER_HEALTH_PORT: String(healthPort) }, onLine),
        log: () => worker.proc.log(),
        stop: (signal = 'SIGTERM') => stopProcess(worker.proc, signal),
      };
      return worker;
    });
    stoppers.push(() => Promise.all(workers.map((w) => w.stop())));
    await Promise.all(workers.map((w) => waitReady(w.healthUrl, w.proc, w.name)));

    return {
      /** The api through nginx: what clients use. */
      url: publicUrl,
      nginx,
      pgbouncer,
      /** The PostgreSQL primary and its streaming replica, when started with `replica: true`. */
      replica,
      /** The Redis Cluster, when started with `redisCluster: true`. */
      redisCluster,
      /** PostgreSQL itself (the replica's primary when there is one): migrations, LISTEN, tests. */
      databaseUrl: directUrl,
      apis,
      workers,
      /** The variables every api and worker runs with (no ports). */
      env: shared,
      secrets,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

module.exports = { startTopology };
