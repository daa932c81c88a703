#!/usr/bin/env node
// `npm run topology`: TeamFlow scaled out on this machine as production runs it: a PostgreSQL
// primary with a streaming read replica, PgBouncer in transaction mode in front of the primary, a
// Redis Cluster (three primaries, a replica each), three api instances (the built dist/server.js)
// behind nginx, two workers. Migrates and seeds the demo workspace like `npm start` (no web app:
// point one at the nginx URL), prints where everything is, stays up until Ctrl-C, then stops every
// process it started. TOPOLOGY_PORT (default 4080) is nginx's port; TOPOLOGY_APIS /
// TOPOLOGY_WORKERS the counts; TOPOLOGY_REPLICA=false / TOPOLOGY_REDIS_CLUSTER=false use the
// machine's PostgreSQL (DATABASE_URL) / Redis (REDIS_URL) instead.
import { join } from 'node:path';
import { assertNode, buildApiAndWorker, ensureEnvFile, install, root, run, turboEnv } from './lib.mjs';

assertNode();
const step = (text) => console.log(`\n▸ ${text}`);

step('Installing dependencies');
await install();
// Imported once installed: on a fresh clone the workspace package is not linked before this.
const { startTopology } = await import('@teamflow/topology');
const env = { ...ensureEnvFile(), ...turboEnv };

step('Building api and worker');
if (!(await buildApiAndWorker(env))) process.exit(1);

const replica = env.TOPOLOGY_REPLICA !== 'false';
const redisCluster = env.TOPOLOGY_REDIS_CLUSTER !== 'false';
step(
  `Starting ${[replica && 'a PostgreSQL primary with a streaming replica', redisCluster && 'a Redis Cluster', 'PgBouncer, the api instances, nginx and the workers'].filter(Boolean).join(', ')}`,
);
let topology;
try {
  topology = await startTopology({
    databaseUrl: env.DATABASE_URL ?? 'postgres://localhost:5432/teamflow',
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'tf:',
    replica,
    redisCluster,
    apis: Number(env.TOPOLOGY_APIS ?? 3),
    workers: Number(env.TOPOLOGY_WORKERS ?? 2),
    nginxPort: Number(env.TOPOLOGY_PORT ?? 4080),
    secrets: { access: env.JWT_ACCESS_SECRET, refresh: env.JWT_REFRESH_SECRET },
    env: { LOG_LEVEL: env.LOG_LEVEL ?? 'info' },
    onLine: (name, line) => process.stdout.write(`[${name}] ${line}\n`),
  });
} catch (error) {
  console.error(`\n✖ ${error.message}`);
  process.exit(1);
}

step('Seeding the demo workspace');
// On the database the topology migrated (the replica's primary when there is one), through
// whichever Redis it runs on.
const prepared = await run(process.execPath, [join(root, 'apps/api/dist/prepare.js')], {
  env: {
    ...env,
    ...topology.env,
    DATABASE_URL: topology.databaseUrl,
    DATABASE_DIRECT_URL: topology.databaseUrl,
  },
  capture: true,
  quiet: true,
});
if (prepared.code !== 0) {
  console.error(`\n✖ ${prepared.output.trim().split('\n').pop()}`);
  await topology.stop();
  process.exit(1);
}
const { seed } = JSON.parse(prepared.output.trim().split('\n').pop());

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping workers, nginx, api instances and PgBouncer…');
  await topology.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

const logins = seed.logins.map((l) => `    ${l.role.padEnd(7)} ${l.email}  /  ${l.password}`).join('\n');
console.log(`
──────────────────────────────────────────────────────────────
  TeamFlow topology is running
    API (nginx)  ${topology.url}/api/v1   (Socket.io: WebSocket transport only, no sticky sessions)
${topology.apis.map((a) => `    ${a.name.padEnd(11)}  ${a.url}   pid ${a.pid}`).join('\n')}
${topology.workers.map((w) => `    ${w.name.padEnd(11)}  ${w.healthUrl}`).join('\n')}
    PgBouncer    ${topology.pgbouncer.host}:${topology.pgbouncer.port} (transaction mode) → ${topology.databaseUrl}
    Replica      ${topology.env.DATABASE_REPLICA_URL ?? 'none (TOPOLOGY_REPLICA=false)'}
    Redis        ${topology.redisCluster ? `cluster ${topology.redisCluster.seeds.join(' ')}` : topology.env.REDIS_URL}
  Demo workspace "${seed.workspaceSlug}" — sign in as:
${logins}
  A web app against it: build apps/web with API_URL=${topology.url} (its api origin is fixed at build).
  Ctrl-C stops everything.
──────────────────────────────────────────────────────────────`);
