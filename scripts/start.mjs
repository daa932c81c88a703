#!/usr/bin/env node
// `npm start`: install, build, migrate, seed the demo workspace, start api + worker + web, print where to go.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertNode, buildApiAndWorker, ensureEnvFile, install, root, run, turbo, turboEnv } from './lib.mjs';

assertNode();
const step = (text) => console.log(`\n▸ ${text}`);

step('Installing dependencies');
await install();
// Imported once installed: on a fresh clone the workspace package is not linked before this.
const { findClamd, startClamd, startObjectStorage } = await import('@teamflow/local-services');
// The environment wins over .env.local; turboEnv also puts the pinned pnpm on PATH.
const env = { ...ensureEnvFile(), ...turboEnv };
const apiPort = Number(env.API_PORT ?? 4000);
const webPort = Number(env.WEB_PORT ?? 3000);
const apiUrl = env.API_URL ?? `http://localhost:${apiPort}`;
const webUrl = env.WEB_ORIGIN ?? `http://localhost:${webPort}`;

step('Building api and worker');
if (!(await buildApiAndWorker(env))) process.exit(1);

step('Checking PostgreSQL and Redis, migrating, seeding the demo workspace');
const prepared = await run(process.execPath, [join(root, 'apps/api/dist/prepare.js')], {
  env,
  capture: true,
  quiet: true,
});
if (prepared.code !== 0) {
  console.error(`\n✖ ${prepared.output.trim().split('\n').pop()}`);
  process.exit(1);
}
const { seed } = JSON.parse(prepared.output.trim().split('\n').pop());
// Locally the demo owner may open Bull Board (the Queues button); set PLATFORM_ADMIN_EMAILS to change it.
env.PLATFORM_ADMIN_EMAILS ??= seed.logins.find((l) => l.role === 'owner')?.email;

step('Building the web app');
if (
  (
    await run(turbo, ['run', 'build', '--filter=@teamflow/web', '--output-logs=errors-only'], {
      // The browser's api origin (fetch, WebSocket, the CSP's connect-src) is inlined at build time.
      env: { ...env, API_URL: apiUrl, NEXT_PUBLIC_API_URL: apiUrl },
    })
  ).code !== 0
) {
  process.exit(1);
}

// Attachments: a local S3-compatible server (s3rver, files under .tf-run/s3) unless S3_BUCKET names
// a real one, and ClamAV's daemon on loopback with the repo's test signatures unless CLAMAV_HOST
// names a real scanner (production runs clamd with freshclam keeping its database current).
const localServices = [];
if (!env.S3_BUCKET) {
  step('Starting local object storage (s3rver)');
  const storage = await startObjectStorage({
    directory: join(root, '.tf-run', 's3'),
    port: Number(env.LOCAL_S3_PORT ?? 4569),
  });
  localServices.push(storage);
  Object.assign(env, storage.env);
}
if (!env.CLAMAV_HOST) {
  if (findClamd()) {
    step('Starting the virus scanner (clamd, loopback)');
    try {
      const clamd = await startClamd();
      localServices.push(clamd);
      Object.assign(env, clamd.env);
    } catch (error) {
      console.warn(`  clamd did not start (${error.message}); attachments will be stored unscanned`);
    }
  } else {
    console.warn(
      '  clamd is not installed (apt-get install clamav-daemon): attachments will be stored unscanned',
    );
  }
}

step('Starting api, worker and web');
const children = [];
function launch(name, cmd, args, extraEnv = {}, cwd = root) {
  const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`\n✖ ${name} exited (${signal ?? code}); stopping the rest.`);
      stop(1);
    }
  });
  children.push(child);
}
let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  for (const service of localServices) void service.close().catch(() => undefined);
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r() : c.on('exit', r))))).then(
    () => process.exit(code),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

// The V8 flags production runs the api with (apps/api/node-flags.json, the Dockerfile's CMD).
const apiNodeFlags = JSON.parse(readFileSync(join(root, 'apps/api/node-flags.json'), 'utf8'));
launch('api', process.execPath, [...apiNodeFlags, join(root, 'apps/api/dist/server.js')]);
launch('worker', process.execPath, [join(root, 'apps/worker/dist/main.js')]);
const webDir = join(root, 'apps/web');
launch(
  'web',
  process.execPath,
  [join(webDir, 'node_modules/next/dist/bin/next'), 'start', '-p', String(webPort)],
  { API_URL: apiUrl, NEXT_PUBLIC_API_URL: apiUrl },
  webDir,
);

async function waitFor(url, seconds) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until && !stopping) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
const [apiUp, webUp] = await Promise.all([waitFor(`${apiUrl}/health/ready`, 60), waitFor(webUrl, 90)]);
if (!apiUp || !webUp) {
  console.error(
    `\n✖ ${!apiUp ? `api did not become ready at ${apiUrl}` : `web did not answer at ${webUrl}`}`,
  );
  stop(1);
} else {
  const logins = seed.logins.map((l) => `    ${l.role.padEnd(7)} ${l.email}  /  ${l.password}`).join('\n');
  console.log(`
──────────────────────────────────────────────────────────────
  TeamFlow is running
    Web       ${webUrl}
    API       ${apiUrl}/api/v1   (docs: ${apiUrl}/api/docs)
    Health    ${apiUrl}/health/ready
    Files     ${env.S3_ENDPOINT ?? 'S3'} bucket ${env.S3_BUCKET}; scanner ${env.CLAMAV_HOST ? `clamd ${env.CLAMAV_HOST}:${env.CLAMAV_PORT}` : 'none (unscanned)'}
    Queues    ${apiUrl}/admin/queues   (Bull Board: the Queues button, for ${env.PLATFORM_ADMIN_EMAILS})
  Demo workspace "${seed.workspaceSlug}" — sign in as:
${logins}
  Ctrl-C stops everything.
──────────────────────────────────────────────────────────────`);
}
