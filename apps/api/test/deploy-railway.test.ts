import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startRailwayStub, type RailwayStub } from './railway-stub';

// scripts/deploy/railway.mjs is how deploy.yml deploys and rolls back api and worker, run here
// against a local server answering Railway's GraphQL API (railway-stub.ts).
const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'deploy', 'railway.mjs');

let railwayApi: RailwayStub;
let calls: RailwayStub['calls'];
let images: RailwayStub['images'];
let api: string;

beforeAll(async () => {
  railwayApi = await startRailwayStub();
  ({ calls, images, url: api } = railwayApi);
  images.set('svc-api', 'ghcr.io/acme/teamflow/api:old');
});

afterAll(() => railwayApi.close());

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
    railwayApi.outcome = ['BUILDING', 'DEPLOYING', 'SUCCESS'];
    const { code, stdout } = await railway('deploy', 'svc-api', 'ghcr.io/acme/teamflow/api:abc123');
    expect(code).toBe(0);
    expect(stdout).toContain('deployed ghcr.io/acme/teamflow/api:abc123');
    expect(images.get('svc-api')).toBe('ghcr.io/acme/teamflow/api:abc123');
    expect(calls.filter((c) => c.query.includes('deployment(')).length).toBe(3);
  });

  it('exits 1 naming the state when the deployment crashes (deploy.yml then rolls back)', async () => {
    railwayApi.outcome = ['DEPLOYING', 'CRASHED'];
    const { code, stderr } = await railway('deploy', 'svc-api', 'ghcr.io/acme/teamflow/api:bad');
    expect(code).toBe(1);
    expect(stderr).toMatch(/deployment dep-\d+ ended CRASHED/);
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
