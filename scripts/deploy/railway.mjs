#!/usr/bin/env node
// Points a Railway service at a container image and waits for the deployment, through Railway's
// public GraphQL API (no CLI binary to download). deploy.yml calls it per service:
//
//   node scripts/deploy/railway.mjs image  <serviceId>          → prints the image running now
//   node scripts/deploy/railway.mjs deploy <serviceId> <image> [apps/<app>/railway.json]
//                                                               → deploys it, exit 0 once SUCCESS
//
// A service that runs an image has no repository for Railway to read railway.json from, so the
// script sends that file's `deploy` settings (health check, restart policy, replicas, overlap and
// draining), with the `environments.<RAILWAY_ENVIRONMENT_NAME>` overrides, along with the image:
// the file in the repo stays the one place they are set.
//
// Environment: RAILWAY_TOKEN (a project token scoped to one environment, sent as
// Project-Access-Token), RAILWAY_ENVIRONMENT_ID, RAILWAY_DEPLOY_TIMEOUT_S (default 600) and
// RAILWAY_ENVIRONMENT_NAME (staging, production: picks the file's overrides) and RAILWAY_API_URL
// (default Railway's; tests point it at a local server). Node 20+, no dependencies.
import { readFileSync } from 'node:fs';

const API = process.env.RAILWAY_API_URL ?? 'https://backboard.railway.com/graphql/v2';
const TOKEN = process.env.RAILWAY_TOKEN;
const ENVIRONMENT = process.env.RAILWAY_ENVIRONMENT_ID;
const TIMEOUT_S = Number(process.env.RAILWAY_DEPLOY_TIMEOUT_S ?? 600);
const POLL_MS = Number(process.env.RAILWAY_POLL_MS ?? 5000);
// Deployment states that end the wait (Railway's DeploymentStatus enum).
const DONE = new Set(['SUCCESS']);
const FAILED = new Set(['FAILED', 'CRASHED', 'REMOVED', 'SKIPPED']);

function fail(message, code = 1) {
  process.stderr.write(`railway: ${message}\n`);
  process.exit(code);
}

async function gql(query, variables) {
  const res = await fetch(API, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'project-access-token': TOKEN },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || body.errors?.length) {
    fail(`HTTP ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no JSON answer'}`);
  }
  return body.data;
}

async function currentImage(serviceId) {
  const data = await gql(
    'query ($serviceId: String!, $environmentId: String!) { serviceInstance(serviceId: $serviceId, environmentId: $environmentId) { source { image } } }',
    { serviceId, environmentId: ENVIRONMENT },
  );
  return data.serviceInstance?.source?.image ?? '';
}

// The railway.json `deploy` keys that are service settings Railway's API takes as they are.
const SETTINGS = [
  'healthcheckPath',
  'healthcheckTimeout',
  'restartPolicyType',
  'restartPolicyMaxRetries',
  'numReplicas',
  'overlapSeconds',
  'drainingSeconds',
  'startCommand',
];

/** The file's deploy settings for this environment (environment overrides win). */
function deploySettings(config, environmentName) {
  const merged = { ...config.deploy, ...config.environments?.[environmentName]?.deploy };
  return Object.fromEntries(SETTINGS.filter((k) => merged[k] !== undefined).map((k) => [k, merged[k]]));
}

async function deploy(serviceId, image, configFile) {
  const settings = configFile
    ? deploySettings(JSON.parse(readFileSync(configFile, 'utf8')), process.env.RAILWAY_ENVIRONMENT_NAME)
    : {};
  await gql(
    'mutation ($serviceId: String!, $environmentId: String, $input: ServiceInstanceUpdateInput!) { serviceInstanceUpdate(serviceId: $serviceId, environmentId: $environmentId, input: $input) }',
    { serviceId, environmentId: ENVIRONMENT, input: { ...settings, source: { image } } },
  );
  const started = await gql(
    'mutation ($serviceId: String!, $environmentId: String!) { serviceInstanceDeployV2(serviceId: $serviceId, environmentId: $environmentId) }',
    { serviceId, environmentId: ENVIRONMENT },
  );
  const deploymentId = started.serviceInstanceDeployV2;
  process.stdout.write(`deploying ${image} to service ${serviceId} (deployment ${deploymentId})\n`);
  const until = Date.now() + TIMEOUT_S * 1000;
  for (;;) {
    const { deployment } = await gql('query ($id: String!) { deployment(id: $id) { status } }', {
      id: deploymentId,
    });
    if (DONE.has(deployment.status)) return deploymentId;
    if (FAILED.has(deployment.status)) fail(`deployment ${deploymentId} ended ${deployment.status}`);
    if (Date.now() > until)
      fail(`deployment ${deploymentId} still ${deployment.status} after ${TIMEOUT_S} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

const [command, serviceId, image, configFile] = process.argv.slice(2);
if (!TOKEN || !ENVIRONMENT) fail('RAILWAY_TOKEN and RAILWAY_ENVIRONMENT_ID must be set', 2);
if (command === 'image' && serviceId) {
  process.stdout.write(`${await currentImage(serviceId)}\n`);
} else if (command === 'deploy' && serviceId && image) {
  await deploy(serviceId, image, configFile);
  process.stdout.write(`deployed ${image}\n`);
} else {
  fail('usage: railway.mjs image <serviceId> | railway.mjs deploy <serviceId> <image> [railway.json]', 2);
}
