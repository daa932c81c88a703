// Builds apps/api and runs dist/server.js as a child against the bench's own database and
// Redis prefix, with limits out of the way, the way production runs it (NODE_ENV=production).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startNode, stopChild, waitForOk } from '../lib/processes.mjs';

/** Newest modification time under `dir` (skipping node_modules, dist and test folders). */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', 'test', '.turbo'].includes(entry.name)) continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuilds dist/server.js when it is missing or older than the api or any workspace package it bundles. */
export function buildApi(repoRoot, { force = false } = {}) {
  const apiDir = join(repoRoot, 'apps', 'api');
  const out = join(apiDir, 'dist', 'server.js');
  const sources = [join(apiDir, 'src'), join(apiDir, 'build.mjs'), join(repoRoot, 'packages')];
  const srcTime = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  const stale = force || !existsSync(out) || statSync(out).mtimeMs < srcTime;
  if (!stale) return { built: false, out };
  const started = Date.now();
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: apiDir, stdio: 'inherit' });
  if (r.status !== 0)
    throw new Error(`building the api failed (node build.mjs in apps/api exited ${r.status})`);
  return { built: true, out, ms: Date.now() - started };
}

/** Production refuses the dev secrets; one pair per bench run, so a restarted api accepts the seeded token. */
export function newJwtSecrets() {
  return { access: randomBytes(32).toString('hex'), refresh: randomBytes(32).toString('hex') };
}

/**
 * Starts the api and waits for /health/ready. `cpuProfDir` runs it under `--cpu-prof` (the
 * profile is written there when it exits).
 */
export async function startApi({
  repoRoot,
  databaseUrl,
  redisUrl,
  redisPrefix,
  logFile,
  poolMax,
  cpuProfDir,
  secrets,
  nodeArgs = [],
  extraEnv = {},
}) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DB_POOL_MAX: String(poolMax),
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: redisPrefix,
    API_PORT: String(port),
    API_URL: `http://127.0.0.1:${port}`,
    WEB_ORIGIN: 'http://127.0.0.1:3000',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_DEFAULT_PER_MINUTE: '1000000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
    LOGIN_LOCKOUT_ATTEMPTS: '1000000',
    JWT_ACCESS_SECRET: secrets.access,
    JWT_REFRESH_SECRET: secrets.refresh,
    SHUTDOWN_TIMEOUT_MS: '10000',
    // Empty beats anything a developer's .env.local sets: no error reporting from a bench.
    SENTRY_DSN: '',
    ...extraEnv,
  };
  // The V8 flags production runs the api with (apps/api/node-flags.json, the Dockerfile's CMD), then
  // any to try: BENCH_API_NODE_ARGS="--max-semi-space-size=16" (the later flag wins; ab.mjs has
  // --a-node-args/--b-node-args for one side).
  const productionFlags = JSON.parse(readFileSync(join(repoRoot, 'apps', 'api', 'node-flags.json'), 'utf8'));
  const args = [
    ...productionFlags,
    ...nodeArgs,
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  if (cpuProfDir) {
    mkdirSync(cpuProfDir, { recursive: true });
    args.push('--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`);
  }
  // A/B a candidate fix without touching the source: BENCH_API_SERVER_JS=/tmp/patched/server.js runs
  // that bundle instead (its npm dependencies still resolve from apps/api/node_modules).
  const entry = process.env.BENCH_API_SERVER_JS;
  if (entry) env.NODE_PATH = join(repoRoot, 'apps', 'api', 'node_modules');
  args.push(entry ?? 'dist/server.js');
  const child = await startNode(args, { cwd: join(repoRoot, 'apps', 'api'), env, logFile });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${url}/health/ready`, { child, timeoutMs: 60_000, what: 'the api' });
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { child, url, port, stop: () => stopChild(child) };
}
