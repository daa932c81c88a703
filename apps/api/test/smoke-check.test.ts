import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { join } from 'node:path';

// scripts/smoke-check.mjs is what deploy.yml runs after a deploy (a failure rolls back). Here it
// runs against a real api process started from source on this run's database and Redis prefix.
const ROOT = join(__dirname, '..', '..', '..');
const SMOKE = join(ROOT, 'scripts', 'smoke-check.mjs');

function smokeCheck(
  url: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SMOKE, url], {
      env: { PATH: process.env.PATH ?? '', SMOKE_WAIT_S: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let api: ChildProcess;
let url: string;
const user = { email: `smoke-${process.pid}@example.test`, password: 'smoke-check-pass-1', name: 'Smoke' };

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'server.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, NODE_ENV: 'test', API_PORT: String(port), API_URL: url, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + PROCESS_START_MS;
  for (;;) {
    const ok = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error(`the api did not become ready in ${PROCESS_START_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const res = await fetch(`${url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  expect(res.status).toBe(201);
}, PROCESS_START_MS + 30_000);

afterAll(async () => {
  if (api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
});

describe('smoke check (scripts/smoke-check.mjs)', () => {
  it('passes readiness, sign-in and a workspace list against a running api', async () => {
    const { code, stdout } = await smokeCheck(url, {
      SMOKE_EMAIL: user.email,
      SMOKE_PASSWORD: user.password,
    });
    expect(stdout).toContain('✓ GET /health/ready (ready)');
    expect(stdout).toContain('✓ POST /api/v1/auth/login');
    expect(stdout).toContain('✓ GET /api/v1/workspaces (0 workspace(s))');
    expect(code).toBe(0);
  });

  it('fails at sign-in with a wrong password and never prints the password', async () => {
    const { code, stdout } = await smokeCheck(url, {
      SMOKE_EMAIL: user.email,
      SMOKE_PASSWORD: 'wrong-pass-99',
    });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✖ POST \/api\/v1\/auth\/login: HTTP 401/);
    expect(stdout).not.toContain('wrong-pass-99');
  });

  it('fails at readiness when nothing answers, after waiting SMOKE_WAIT_S', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const { code, stdout } = await smokeCheck(dead, {
      SMOKE_EMAIL: user.email,
      SMOKE_PASSWORD: user.password,
      SMOKE_WAIT_S: '3',
    });
    expect(code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
    expect(stdout).toMatch(/✖ GET \/health\/ready: no answer \(ECONNREFUSED\)/);
    expect(stdout).not.toContain('✓');
  });

  it('refuses to run without the smoke user (exit 2, not a pass)', async () => {
    const { code, stderr } = await smokeCheck(url, {});
    expect(code).toBe(2);
    expect(stderr).toContain('SMOKE_EMAIL and SMOKE_PASSWORD');
  });
});
