import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '@teamflow/local-services';
import { PROCESS_START_MS } from '@teamflow/core/testing/process-start';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deployedImages, startRailwayStub, type RailwayStub } from './railway-stub';

// The deploy job of .github/workflows/deploy.yml, run here step by step without GitHub: each
// `run:` script in bash with its `env:` and the `${{ }}` values a runner would give it, `if:`
// conditions and step outputs ($GITHUB_OUTPUT) honoured. Railway is the local stub; the smoke check
// runs against a real api process. Not run: `uses:` steps (checkout, setup-node, GHCR login), the
// migration step (it needs Docker; dist/migrate.js is tested in startup.test.ts) and the Vercel
// step (only whether it would run is recorded).
const ROOT = join(__dirname, '..', '..', '..');
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8')) as {
  concurrency: { group: string; 'cancel-in-progress': boolean };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  env: Record<string, string>;
  steps: Step[];
  permissions: Record<string, string>;
  environment: { name: string };
}

/** A literal after substitution: "json", 'quoted', true or false. */
function literal(text: string): unknown {
  const t = text.trim();
  if (t.startsWith("'")) return t.slice(1, -1);
  return JSON.parse(t) as unknown;
}

/** The expression forms the workflow uses: `a == b`, `&&` and `||` with JavaScript's short-circuit values. */
function evaluateOr(expr: string): unknown {
  const evaluateAnd = (part: string): unknown => {
    let value: unknown = true;
    for (const operand of part.split('&&')) {
      const [left, right] = operand.split('==');
      value = right === undefined ? literal(left!) : literal(left!) === literal(right);
      if (!value) return value;
    }
    return value;
  };
  let value: unknown = false;
  for (const part of expr.split('||')) {
    value = evaluateAnd(part);
    if (value) return value;
  }
  return value;
}

const NOT_RUN_HERE = ['Migrate the database', 'Deploy the web app (Vercel)'];

interface Outcome {
  ran: string[];
  failed: boolean;
  outcomes: Record<string, string>;
}

async function runDeployJob(context: {
  vars: Record<string, string>;
  secrets: Record<string, string>;
  railwayApi: string;
}): Promise<Outcome> {
  const job = workflow.jobs.deploy!;
  const sha = '3f2c1ab0000000000000000000000000000000aa';
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const tmp = mkdtempSync(join(tmpdir(), 'deploy-job-'));
  const evaluate = (expr: string, failed: boolean): unknown => {
    const substituted = expr
      .replace(/startsWith\(github\.ref, 'refs\/tags\/v'\)/g, 'false')
      .replace(/failure\(\)/g, String(failed))
      .replace(/github\.sha/g, JSON.stringify(sha))
      .replace(/(vars|secrets)\.(\w+)/g, (_m, kind: 'vars' | 'secrets', name: string) =>
        JSON.stringify(context[kind][name] ?? ''),
      )
      .replace(/steps\.(\w+)\.(outcome|outputs\.(\w+))/g, (_m, id: string, _what: string, output?: string) =>
        JSON.stringify(output ? (steps[id]?.outputs[output] ?? '') : (steps[id]?.outcome ?? '')),
      );
    return evaluateOr(substituted);
  };
  const interpolate = (value: string, failed: boolean) =>
    value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, expr: string) => String(evaluate(expr, failed)));
  const jobEnv = Object.fromEntries(Object.entries(job.env).map(([k, v]) => [k, interpolate(v, false)]));
  const ran: string[] = [];
  let failed = false;
  for (const [index, step] of job.steps.entries()) {
    const name = step.name ?? step.uses ?? `step ${index}`;
    const condition = step.if ? Boolean(evaluate(step.if, failed)) : !failed;
    if (!condition || step.uses) continue;
    ran.push(name);
    if (NOT_RUN_HERE.includes(name)) {
      if (step.id) steps[step.id] = { outputs: {}, outcome: 'success' };
      continue;
    }
    const output = join(tmp, `output-${index}`);
    writeFileSync(output, '');
    const env = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([k, v]) => [k, interpolate(v, failed)]),
    );
    // Asynchronous: the Railway stub answers from this very process.
    const child = spawn('bash', ['-e', '-c', step.run!], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_SHA: sha,
        GITHUB_REPOSITORY: 'Acme/TeamFlow',
        GITHUB_OUTPUT: output,
        RAILWAY_API_URL: context.railwayApi,
        RAILWAY_POLL_MS: '10',
        SMOKE_WAIT_S: '1',
        ...jobEnv,
        ...env,
      },
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const outputs = Object.fromEntries(
      readFileSync(output, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    const outcome = status === 0 ? 'success' : 'failure';
    if (step.id) steps[step.id] = { outputs, outcome };
    if (outcome === 'failure') failed = true;
  }
  rmSync(tmp, { recursive: true, force: true });
  return { ran, failed, outcomes: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.outcome])) };
}

let railway: RailwayStub;
let api: ChildProcess;
let apiUrl: string;
const smokeUser = {
  email: `deploy-smoke-${process.pid}@example.test`,
  password: 'smoke-check-pass-2',
  name: 'Smoke',
};
const vars = (overrides: Record<string, string> = {}) => ({
  RAILWAY_ENVIRONMENT_ID: 'env-staging',
  RAILWAY_API_SERVICE_ID: 'svc-api',
  RAILWAY_WORKER_SERVICE_ID: 'svc-worker',
  API_URL: apiUrl,
  SMOKE_EMAIL: smokeUser.email,
  ...overrides,
});
const secrets = {
  RAILWAY_TOKEN: 'project-token',
  SMOKE_PASSWORD: smokeUser.password,
  DATABASE_URL: 'unused',
};
const NEW = {
  api: 'ghcr.io/acme/teamflow/api:3f2c1ab0000000000000000000000000000000aa',
  worker: 'ghcr.io/acme/teamflow/worker:3f2c1ab0000000000000000000000000000000aa',
};
const OLD = { api: 'ghcr.io/acme/teamflow/api:previous', worker: 'ghcr.io/acme/teamflow/worker:previous' };

beforeAll(async () => {
  railway = await startRailwayStub();
  const port = await freePort();
  apiUrl = `http://127.0.0.1:${port}`;
  api = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'src', 'server.ts')], {
    cwd: join(__dirname, '..'),
    env: { ...process.env, NODE_ENV: 'test', API_PORT: String(port), API_URL: apiUrl, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const until = Date.now() + PROCESS_START_MS;
  while (
    !(await fetch(`${apiUrl}/health/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > until) throw new Error(`the api did not become ready in ${PROCESS_START_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const res = await fetch(`${apiUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(smokeUser),
  });
  expect(res.status).toBe(201);
}, PROCESS_START_MS + 30_000);

afterAll(async () => {
  await railway.close();
  if (api.exitCode === null) {
    const exited = new Promise((r) => api.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
});

beforeEach(() => {
  railway.calls.length = 0;
  railway.images.set('svc-api', OLD.api);
  railway.images.set('svc-worker', OLD.worker);
});

describe('deploy.yml, deploy job', () => {
  it('migrates, deploys api then worker with the commit images, passes the smoke check, then releases the web app', async () => {
    const run = await runDeployJob({ vars: vars(), secrets, railwayApi: railway.url });
    expect(run.failed).toBe(false);
    expect(run.ran).toEqual([
      'Images of this commit',
      'Remember the images running now (the rollback target)',
      'Migrate the database',
      'Deploy the api',
      'Deploy the worker',
      'Smoke check',
      'Deploy the web app (Vercel)',
    ]);
    expect(deployedImages(railway)).toEqual([NEW.api, NEW.worker]);
    expect(railway.images.get('svc-api')).toBe(NEW.api);
  });

  it('rolls api and worker back to the images they ran before when the smoke check fails, and never releases the web app', async () => {
    const run = await runDeployJob({
      vars: vars(),
      secrets: { ...secrets, SMOKE_PASSWORD: 'not-the-password' },
      railwayApi: railway.url,
    });
    expect(run.failed).toBe(true);
    expect(run.outcomes).toMatchObject({ migrate: 'success' });
    expect(run.ran).toContain('Roll back to the previous images');
    expect(run.ran).not.toContain('Deploy the web app (Vercel)');
    expect(deployedImages(railway)).toEqual([NEW.api, NEW.worker, OLD.api, OLD.worker]);
    expect(railway.images.get('svc-api')).toBe(OLD.api);
    expect(railway.images.get('svc-worker')).toBe(OLD.worker);
  });

  it('rolls the api back when its new deployment crashes, and leaves the untouched worker alone', async () => {
    railway.outcome = ['DEPLOYING', 'CRASHED'];
    const run = await runDeployJob({ vars: vars(), secrets, railwayApi: railway.url });
    expect(run.failed).toBe(true);
    expect(run.ran).not.toContain('Deploy the worker');
    expect(run.ran).not.toContain('Smoke check');
    // The worker was never touched, so it is not redeployed either.
    expect(deployedImages(railway)).toEqual([NEW.api, OLD.api]);
    expect(railway.images.get('svc-api')).toBe(OLD.api);
    expect(railway.images.get('svc-worker')).toBe(OLD.worker);
  });

  it('never overlaps two deploys of one environment and grants each job only what it uses', () => {
    expect(workflow.concurrency).toEqual({
      group: "deploy-${{ startsWith(github.ref, 'refs/tags/v') && 'production' || 'staging' }}",
      'cancel-in-progress': false,
    });
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs.images!.permissions).toEqual({ contents: 'read', packages: 'write' });
    expect(workflow.jobs.deploy!.permissions).toEqual({ contents: 'read', packages: 'read' });
    expect(workflow.jobs.deploy!.needs).toBe('images');
    expect(workflow.jobs.deploy!.environment.name).toContain("'production' || 'staging'");
  });
});
