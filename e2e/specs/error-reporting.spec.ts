import { startSentryEndpoint, type LocalSentryEndpoint } from '@teamflow/local-services/sentry-endpoint.cjs';
import type { ChildProcess } from 'node:child_process';
import { apiUrl } from '../support/api';
import { expect, test } from '../support/fixtures';
import { freePort } from '@teamflow/local-services';
import { stop } from '../support/processes';
import { startWeb, webEnv } from '../support/web-server';

// The web app reports to Sentry when SENTRY_DSN is set where it runs: the same build as every other
// spec, started a second time with the DSN pointed at a local Sentry-protocol endpoint. The routes
// under /e2e fail on purpose and exist only in the e2e build (apps/web next.config.ts).

const RELEASE = 'teamflow@e2e5f3a1';
// Secrets a URL or cookie can carry; none may reach Sentry.
const QUERY_SECRET = 'reset-token-e2e-7c91';
const COOKIE_SECRET = 'refresh-cookie-e2e-44d0';

let sentry: LocalSentryEndpoint;
let web: ChildProcess | undefined;
let webUrl: string;

test.beforeAll(async () => {
  sentry = await startSentryEndpoint();
  const port = await freePort();
  webUrl = `http://localhost:${port}`;
  web = await startWeb(
    'web-sentry',
    port,
    webEnv(apiUrl(), { SENTRY_DSN: sentry.dsn(9), SENTRY_RELEASE: RELEASE, SENTRY_ENVIRONMENT: 'staging' }),
  );
});

test.afterAll(async () => {
  await stop(web);
  await sentry?.close();
});

const eventWith = (message: string) =>
  sentry.events().find((e) => e.exception?.values.some((v) => v.value.includes(message)));

test('an error while rendering on the server reaches Sentry with release, environment and path, and no cookie or query', async ({
  page,
  context,
}) => {
  await context.addCookies([{ name: 'tf_refresh', value: COOKIE_SECRET, url: webUrl }]);
  const response = await page.goto(`${webUrl}/e2e/server-error?token=${QUERY_SECRET}`);
  expect(response?.status()).toBe(500);

  const message = 'a server component failed while rendering';
  await expect.poll(() => eventWith(message), { timeout: 15_000 }).toBeDefined();
  expect(eventWith(message)).toMatchObject({
    release: RELEASE,
    environment: 'staging',
    platform: 'node',
    tags: { service: 'web' },
    contexts: { nextjs: { request_path: '/e2e/server-error', route_type: 'render' } },
  });
  const sent = sentry.envelopes().join('\n');
  expect(sent).not.toContain(QUERY_SECRET);
  expect(sent).not.toContain(COOKIE_SECRET);
});

test('an error while rendering in the browser reaches Sentry with release, environment and page, sent where the CSP allows', async ({
  page,
}) => {
  const response = await page.goto(`${webUrl}/e2e/client-error?token=${QUERY_SECRET}`);
  // The DSN's origin is the one addition to connect-src (a blocked send fails the test: fixtures.ts).
  expect(response?.headers()['content-security-policy']).toContain(
    `connect-src 'self' ${apiUrl()} ${apiUrl().replace('http', 'ws')} ${sentry.origin};`,
  );
  // The SDK loads after the page and, once started, reports the session: then it is listening.
  await expect
    .poll(() => sentry.envelopes().some((e) => e.includes('"type":"session"')), { timeout: 15_000 })
    .toBe(true);
  await page.getByRole('button', { name: 'Fail while rendering' }).click();

  const message = 'a component failed while rendering in the browser';
  await expect.poll(() => eventWith(message), { timeout: 15_000 }).toBeDefined();
  expect(eventWith(message)).toMatchObject({
    release: RELEASE,
    environment: 'staging',
    platform: 'javascript',
    tags: { service: 'web' },
    request: { url: `${webUrl}/e2e/client-error` },
  });
  expect(sentry.envelopes().join('\n')).not.toContain(QUERY_SECRET);
});

test('without SENTRY_DSN the page neither loads the SDK nor may send anywhere but the app and the api', async ({
  page,
  baseURL,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  const response = await page.goto(`${baseURL}/e2e/client-error`);
  expect(response?.headers()['content-security-policy']).toContain(
    `connect-src 'self' ${apiUrl()} ${apiUrl().replace('http', 'ws')};`,
  );
  await page.waitForLoadState('networkidle');
  await page.getByRole('button', { name: 'Fail while rendering' }).click();
  await page.waitForLoadState('networkidle');
  // The SDK's marker on window, set when its code runs.
  expect(await page.evaluate(() => '__SENTRY__' in window)).toBe(false);
  expect(requested.filter((url) => !url.startsWith(baseURL!) && !url.startsWith(apiUrl()))).toEqual([]);
});
