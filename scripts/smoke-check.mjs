#!/usr/bin/env node
// The check a deploy runs after the new version takes traffic (deploy.yml), and a person can run
// against any environment:
//
//   SMOKE_EMAIL=smoke@example.com SMOKE_PASSWORD=… node scripts/smoke-check.mjs https://api.example.com
//
// Three steps, each must pass: GET /health/ready answers 200 "ready" (retried for SMOKE_WAIT_S
// seconds, default 60, while the new instances start), POST /api/v1/auth/login signs in as the
// smoke user, and GET /api/v1/workspaces answers 200 with that token. Prints one line per step and
// exits 0 when all passed, 1 at the first failure (deploy.yml then rolls back). The password and the
// token are never printed. Node 20+ only, no dependencies: it runs from a bare checkout.

const REQUEST_TIMEOUT_MS = 10_000;

function usage(message) {
  process.stderr.write(
    `${message}\nusage: SMOKE_EMAIL=… SMOKE_PASSWORD=… node scripts/smoke-check.mjs <api base URL>\n`,
  );
  process.exit(2);
}

const base = (process.argv[2] ?? process.env.SMOKE_API_URL ?? '').replace(/\/+$/, '');
const email = process.env.SMOKE_EMAIL;
const password = process.env.SMOKE_PASSWORD;
const waitSeconds = Number(process.env.SMOKE_WAIT_S ?? 60);
if (!base) usage('No api URL given.');
if (!email || !password)
  usage('SMOKE_EMAIL and SMOKE_PASSWORD must be set (the smoke user of this environment).');
if (!Number.isFinite(waitSeconds) || waitSeconds < 0) usage('SMOKE_WAIT_S must be a number of seconds.');

class StepFailed extends Error {}

async function request(path, init = {}) {
  try {
    const res = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  } catch (error) {
    return { status: 0, body: undefined, error: error.cause?.code ?? error.message };
  }
}

const describe = (res) => (res.status === 0 ? `no answer (${res.error})` : `HTTP ${res.status}`);

async function ready() {
  const until = Date.now() + waitSeconds * 1000;
  for (;;) {
    const res = await request('/health/ready');
    if (res.status === 200 && res.body?.status === 'ready') return 'ready';
    if (Date.now() >= until) {
      const checks = res.body?.checks ? ` ${JSON.stringify(res.body.checks)}` : '';
      throw new StepFailed(`${describe(res)}${checks}`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

async function signIn() {
  const res = await request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200 || typeof res.body?.accessToken !== 'string') {
    throw new StepFailed(`${describe(res)}${res.body?.error?.code ? ` ${res.body.error.code}` : ''}`);
  }
  return res.body.accessToken;
}

async function listWorkspaces(token) {
  const res = await request('/api/v1/workspaces', { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !Array.isArray(res.body?.items)) throw new StepFailed(describe(res));
  return `${res.body.items.length} workspace(s)`;
}

const steps = [
  ['GET /health/ready', ready],
  ['POST /api/v1/auth/login', signIn],
  ['GET /api/v1/workspaces', listWorkspaces],
];

let previous;
for (const [name, step] of steps) {
  try {
    previous = await step(previous);
    process.stdout.write(`✓ ${name}${name.includes('login') ? '' : ` (${previous})`}\n`);
  } catch (error) {
    process.stdout.write(`✖ ${name}: ${error instanceof StepFailed ? error.message : error}\n`);
    process.stdout.write(`smoke check failed against ${base}\n`);
    process.exit(1);
  }
}
process.stdout.write(`smoke check passed against ${base}\n`);
