import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// scripts/deploy/railway.mjs is how deploy.yml deploys and rolls back api and worker. Railway is
// not reachable here, so a local server answers its GraphQL API the way Railway does: it keeps
// each service's image and walks a deployment through the states the test asks for.
const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'deploy', 'railway.mjs');

interface Call {
  query: string;
  variables: Record<string, unknown>;
  token: string | undefined;
}

let server: Server;
let api: string;
const calls: Call[] = [];
const images = new Map<string, string>([['svc-api', 'ghcr.io/acme/teamflow/api:old']]);
let outcome: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const { query, variables } = JSON.parse(raw) as Omit<Call, 'token'>;
      calls.push({ query, variables, token: req.headers['project-access-token'] as string | undefined });
      const reply = (data: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
      if (query.includes('serviceInstanceUpdate')) {
        const input = variables.input as { source: { image: string } };
        images.set(variables.serviceId as string, input.source.image);
        return reply({ serviceInstanceUpdate: true });
      }
      if (query.includes('serviceInstanceDeployV2')) return reply({ serviceInstanceDeployV2: 'dep-1' });
      if (query.includes('deployment('))
        return reply({ deployment: { status: outcome.shift() ?? 'SUCCESS' } });
      if (query.includes('serviceInstance(')) {
        const image = images.get(variables.serviceId as string);
        return reply({ serviceInstance: { source: image ? { image } : null } });
      }
      res.writeHead(400).end(JSON.stringify({ errors: [{ message: 'unknown query' }] }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql/v2`;
});

afterAll(() => new Promise((r) => server.close(r)));

beforeEach(() => {
  calls.length = 0;
});

function railway(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return railwayIn('staging', ...args);
}

function railwayIn(
  environmentName: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        RAILWAY_API_URL: api,
        RAILWAY_TOKEN: 'project-token',
        RAILWAY_ENVIRONMENT_ID: `env-${environmentName}`,
        RAILWAY_ENVIRONMENT_NAME: environmentName,
        RAILWAY_POLL_MS: '10',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('railway deploy script', () => {
  it('prints the image a service runs now (the rollback target), with the project token', async () => {
    const { code, stdout } = await railway('image', 'svc-api');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('ghcr.io/acme/teamflow/api:old');
    expect(calls[0]).toMatchObject({
      token: 'project-token',
      variables: { serviceId: 'svc-api', environmentId: 'env-staging' },
    });
  });

  it('points the service at the new image, deploys, and waits until the deployment succeeds', async () => {
    outcome = ['BUILDING', 'DEPLOYING', 'SUCCESS'];
    const { code, stdout } = await railway('deploy', 'svc-api', 'ghcr.io/acme/teamflow/api:abc123');
    expect(code).toBe(0);
    expect(stdout).toContain('deployed ghcr.io/acme/teamflow/api:abc123');
    expect(images.get('svc-api')).toBe('ghcr.io/acme/teamflow/api:abc123');
    expect(calls.filter((c) => c.query.includes('deployment(')).length).toBe(3);
  });

  it('exits 1 naming the state when the deployment crashes (deploy.yml then rolls back)', async () => {
    outcome = ['DEPLOYING', 'CRASHED'];
    const { code, stderr } = await railway('deploy', 'svc-api', 'ghcr.io/acme/teamflow/api:bad');
    expect(code).toBe(1);
    expect(stderr).toContain('deployment dep-1 ended CRASHED');
  });

  it('rolls back by deploying the image recorded before', async () => {
    images.set('svc-worker', 'ghcr.io/acme/teamflow/worker:v1');
    const previous = (await railway('image', 'svc-worker')).stdout.trim();
    await railway('deploy', 'svc-worker', 'ghcr.io/acme/teamflow/worker:v2');
    const back = await railway('deploy', 'svc-worker', previous);
    expect(back.code).toBe(0);
    expect(images.get('svc-worker')).toBe('ghcr.io/acme/teamflow/worker:v1');
  });

  it("sends the service's railway.json deploy settings (health check, restart policy) with the image", async () => {
    const config = join(__dirname, '..', 'railway.json');
    const { code } = await railway('deploy', 'svc-api', 'ghcr.io/acme/teamflow/api:abc123', config);
    expect(code).toBe(0);
    const update = calls.find((c) => c.query.includes('serviceInstanceUpdate'))!;
    expect(update.variables.input).toEqual({
      healthcheckPath: '/health/ready',
      healthcheckTimeout: 120,
      restartPolicyType: 'ON_FAILURE',
      restartPolicyMaxRetries: 10,
      numReplicas: 1,
      overlapSeconds: 15,
      drainingSeconds: 15,
      source: { image: 'ghcr.io/acme/teamflow/api:abc123' },
    });
  });

  it("applies the file's production overrides when deploying production", async () => {
    const config = join(__dirname, '..', 'railway.json');
    const { code } = await railwayIn(
      'production',
      'deploy',
      'svc-api',
      'ghcr.io/acme/teamflow/api:v1.2.0',
      config,
    );
    expect(code).toBe(0);
    const update = calls.find((c) => c.query.includes('serviceInstanceUpdate'))!;
    expect(update.variables).toMatchObject({ environmentId: 'env-production', input: { numReplicas: 2 } });
  });

  it('refuses to run without a token and an environment (exit 2)', async () => {
    const child = spawn(process.execPath, [SCRIPT, 'image', 'svc-api'], {
      env: { PATH: process.env.PATH ?? '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(2);
    expect(stderr).toContain('RAILWAY_TOKEN and RAILWAY_ENVIRONMENT_ID');
  });
});
