import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findClamd, freePort, startClamd, startObjectStorage } from '@teamflow/local-services';
import { startOidcIssuer } from '@teamflow/local-services/oidc-issuer.cjs';
import { join } from 'node:path';
import { dropDatabase } from './database';
import { REPO_ROOT, run, start, stop, waitForUrl } from './processes';
import { NEXT_BIN, startWeb, WEB_DIR, webEnv as webEnvFor } from './web-server';

const API_DIR = join(REPO_ROOT, 'apps', 'api');
const WORKER_DIR = join(REPO_ROOT, 'apps', 'worker');

/**
 * Builds and starts the real api (own database and Redis key prefix) and the production web build
 * pointed at it. Returns the teardown, which stops both and drops the database.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString('hex');
  const [apiPort, webPort] = [await freePort(), await freePort()];
  // Both on "localhost": same site, so the SameSite=Strict refresh cookie travels from web to api.
  const apiUrl = `http://localhost:${apiPort}`;
  const webUrl = `http://localhost:${webPort}`;
  const databaseUrl = process.env.E2E_DATABASE_URL ?? `postgres://root@127.0.0.1:5432/teamflow_e2e_${runId}`;

  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  let web: ChildProcess | undefined;
  // Attachments: a bucket of the run's own on a local s3rver, and clamd when Debian's is installed.
  const storage = await startObjectStorage({ bucket: `teamflow-e2e-${runId}` });
  const clamd = findClamd() ? await startClamd() : undefined;
  // "Continue with Google" against a local OpenID Connect provider (on 127.0.0.1: another site).
  const google = { id: `teamflow-e2e-${runId}`, secret: randomBytes(16).toString('hex') };
  const oidcIssuer = await startOidcIssuer({
    clients: [
      {
        client_id: google.id,
        client_secret: google.secret,
        redirect_uris: [`${apiUrl}/api/v1/auth/google/callback`],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
  });
  const teardown = async () => {
    await Promise.all([stop(web), stop(worker), stop(api)]);
    await Promise.all([storage.close(), clamd?.close(), oidcIssuer.close()]);
    await dropDatabase(databaseUrl);
  };

  try {
    await Promise.all([
      run('api-build', process.execPath, ['build.mjs'], API_DIR, {}),
      run('worker-build', process.execPath, ['build.mjs'], WORKER_DIR, {}),
    ]);
    const serverEnv = {
      NODE_ENV: 'test',
      API_URL: apiUrl,
      DATABASE_URL: databaseUrl,
      REDIS_KEY_PREFIX: `tf:e2e:${runId}:`,
      WEB_ORIGIN: webUrl,
      LOG_LEVEL: 'warn',
      // AI runs offline here (the local provider), whatever keys the machine has.
      AI_PROVIDER: 'local',
      // The webhook spec's receiver listens on loopback.
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      ...storage.env,
      ...(clamd?.env ?? {}),
    };
    // The V8 flags production runs the api with (the Dockerfile's CMD).
    const apiNodeFlags = JSON.parse(readFileSync(join(API_DIR, 'node-flags.json'), 'utf8')) as string[];
    api = start('api', process.execPath, [...apiNodeFlags, 'dist/server.js'], API_DIR, {
      ...serverEnv,
      API_PORT: String(apiPort),
      RATE_LIMIT_DEFAULT_PER_MINUTE: '100000',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000',
      LOGIN_LOCKOUT_ATTEMPTS: '1000',
      GOOGLE_CLIENT_ID: google.id,
      GOOGLE_CLIENT_SECRET: google.secret,
      GOOGLE_ISSUER: oidcIssuer.issuer,
    });
    const webEnv = webEnvFor(apiUrl);
    // The build runs while the api migrates its fresh database.
    await Promise.all([
      run('web-build', process.execPath, [NEXT_BIN, 'build'], WEB_DIR, webEnv),
      waitForUrl(`${apiUrl}/health/ready`, 'api', 60_000),
    ]);
    // The worker runs the jobs (email, notifications, analytics, AI) the flows under test enqueue.
    worker = start('worker', process.execPath, ['dist/main.js'], WORKER_DIR, serverEnv);
    web = await startWeb('web', webPort, webEnv);
  } catch (error) {
    await teardown();
    throw error;
  }

  // Workers inherit these.
  process.env.E2E_API_URL = apiUrl;
  process.env.E2E_WEB_URL = webUrl;
  // Specs that need bulk data (2,000 tasks) write it straight into the run's database.
  process.env.E2E_DATABASE_URL = databaseUrl;
  // The Google sign-in spec adds its accounts there (POST /test/accounts).
  process.env.E2E_OIDC_ISSUER = oidcIssuer.issuer;
  return teardown;
}
