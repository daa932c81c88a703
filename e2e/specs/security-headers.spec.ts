import { join } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { apiUrl, createBoard, createSprint, inviteToken, uniqueEmail } from '../support/api';
import { ARTIFACTS, expect, signIn, test, type CspViolation } from '../support/fixtures';
import { freePort } from '@teamflow/local-services';
import { startOtherOrigin } from '../support/other-origin';
import { stop } from '../support/processes';
import { startWeb, webEnv } from '../support/web-server';

// Every spec fails on any CSP violation (support/fixtures.ts); this one shows the policy is there,
// strict, and what it stops.

const nonceOf = (response: Response | null, header = 'content-security-policy') => {
  const policy = response?.headers()[header] ?? '';
  return /'nonce-([^']+)'/.exec(policy)?.[1];
};

/** Loads a page and checks it ran under its own nonce: Next's scripts, the theme script, nothing else. */
async function loadUnderCsp(page: Page, path: string, seen: Set<string>): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const nonce = nonceOf(response);
  expect(nonce, `${path} has a nonce in its Content-Security-Policy`).toBeTruthy();
  expect(seen.has(nonce!), `${path} has a nonce no other response had`).toBe(false);
  seen.add(nonce!);
  // Next's own scripts ran (its runtime sets window.next) and the theme script did (the saved dark theme).
  await page.waitForFunction(() => 'next' in window);
  await expect(page.locator('html'), path).toHaveClass(/\bdark\b/);
  await expect(page.getByRole('heading').first(), path).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Every inline script and <style> carries this response's nonce.
  const unnonced = await page.evaluate(
    (expected) =>
      Array.from(document.querySelectorAll('script:not([src]), style'))
        .filter((el) => (el as HTMLElement).nonce !== expected)
        .map((el) => el.outerHTML.slice(0, 80)),
    nonce!,
  );
  expect(unnonced, path).toEqual([]);
}

test('every page carries a nonce CSP and the rest of the headers, and loads with no CSP violation', async ({
  page,
  cspViolations,
}) => {
  test.setTimeout(120_000);
  const ownerEmail = uniqueEmail('csp');
  const board = await createBoard(ownerEmail, 'Task under a strict policy');
  const sprint = await createSprint(board, 'Sprint under CSP');
  const invite = await inviteToken(board, uniqueEmail('csp-invitee'));
  // The theme script is the only thing that applies a saved theme before React runs.
  await page.addInitScript(() => localStorage.setItem('tf-theme', 'dark'));
  const seen = new Set<string>();

  const response = await page.goto('/login');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toMatch(
    /script-src 'nonce-[^']+' 'strict-dynamic'.*object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'/,
  );
  expect(headers['content-security-policy']).toContain(
    `connect-src 'self' ${apiUrl()} ${apiUrl().replace('http', 'ws')}`,
  );
  expect(headers['content-security-policy']).toContain(`report-uri ${apiUrl()}/api/v1/csp-reports`);
  expect(headers).toMatchObject({
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'reporting-endpoints': `csp="${apiUrl()}/api/v1/csp-reports"`,
    // Rendered per request (one nonce each): never kept by a shared cache.
    'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate',
  });
  expect(headers['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);

  for (const path of [
    '/',
    '/login',
    '/signup',
    '/forgot-password',
    '/reset-password?token=not-a-real-token',
    '/verify-email?token=not-a-real-token',
    `/invite/${invite}`,
  ])
    await loadUnderCsp(page, path, seen);

  await signIn(page, ownerEmail, board.boardPath);
  const workspace = `/w/${board.workspaceId}`;
  for (const path of [
    '/workspaces',
    '/notifications',
    '/profile',
    '/profile/notifications',
    workspace,
    `${workspace}/members`,
    `${workspace}/ai`,
    `${workspace}/search?q=policy`,
    `${workspace}/t/${board.task.id}`,
    `${board.boardPath}/list`,
    `${board.boardPath}/calendar`,
    `${board.boardPath}/sprints`,
    `${board.boardPath}/sprints/${sprint.id}`,
    board.boardPath,
  ])
    await loadUnderCsp(page, path, seen);

  // A Radix dialog locks scrolling with a <style> element it injects at run time: it gets the nonce too.
  await page.getByRole('link', { name: 'Task under a strict policy' }).click();
  await expect(page.getByRole('dialog', { name: 'KEY-1', exact: true })).toBeVisible();
  const lockStyles = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('style')).filter((s) =>
        s.textContent?.includes('data-scroll-locked'),
      ).length,
  );
  expect(lockStyles).toBeGreaterThan(0);
  expect(await page.evaluate(() => getComputedStyle(document.body).overflow)).toBe('hidden');
  expect(cspViolations).toEqual([]);
});

test.describe('what the policy stops', () => {
  test.use({ cspViolationsExpected: true });

  const ATTACK = {
    '/evil.js': { type: 'text/javascript', body: 'window.__evilRan = true;' },
  };
  /** What a stored-XSS hole would put into the page's HTML: a foreign script, an inline one, a handler. */
  const inject = (origin: string) => (html: string) =>
    html
      .replace(
        '</head>',
        `<script src="${origin}/evil.js"></script><script>window.__inlineRan = true</script></head>`,
      )
      .replace('</body>', '<img src="data:," onerror="window.__handlerRan = true"></body>');

  async function serveInjected(page: Page, url: RegExp, tamper: (html: string) => string): Promise<void> {
    // A document the test fulfils has no address, so Chrome counts it as public and would refuse its
    // requests to the loopback attacker server on its own: let them through, so only the CSP decides.
    await page.context().grantPermissions(['local-network-access']);
    await page.route(url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: tamper(await response.text()) });
    });
  }

  const ran = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { evil: w.__evilRan === true, inline: w.__inlineRan === true, handler: w.__handlerRan === true };
    });

  // What was reported, once each (an inline handler that is let run may fire more than once).
  const summary = (violations: CspViolation[]) => [
    ...new Set(violations.map((v) => `${v.disposition} ${v.effectiveDirective} ${v.blockedURI}`).sort()),
  ];

  test('a script from another origin, an injected inline script and an inline handler are blocked, each raising a violation', async ({
    page,
    cspViolations,
  }) => {
    const other = await startOtherOrigin(ATTACK);
    try {
      await serveInjected(page, /\/login$/, inject(other.origin));
      await page.goto('/login');
      // The app itself still works: Next hydrated and the form takes input.
      await page.waitForFunction(() => 'next' in window);
      await page.getByLabel('Email').fill('still@works.example');
      await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(3);
      expect(await ran(page)).toEqual({ evil: false, inline: false, handler: false });
      expect(other.hits('/evil.js')).toBe(0);
      expect(summary(cspViolations)).toEqual([
        `enforce script-src-attr inline`,
        `enforce script-src-elem ${other.origin}/evil.js`,
        `enforce script-src-elem inline`,
      ]);
    } finally {
      await other.close();
    }
  });

  test('with CSP_REPORT_ONLY=true the same page runs the injected scripts and only reports them', async ({
    page,
    cspViolations,
  }) => {
    const port = await freePort();
    const web = await startWeb('web-report-only', port, webEnv(apiUrl(), { CSP_REPORT_ONLY: 'true' }));
    const other = await startOtherOrigin(ATTACK);
    try {
      await serveInjected(page, /\/login$/, inject(other.origin));
      const response = await page.goto(`http://localhost:${port}/login`);
      expect(response?.headers()['content-security-policy']).toBeUndefined();
      expect(nonceOf(response, 'content-security-policy-report-only')).toBeTruthy();
      await page.waitForFunction(() => 'next' in window);
      await expect.poll(() => ran(page)).toEqual({ evil: true, inline: true, handler: true });
      await expect.poll(() => cspViolations.length).toBeGreaterThanOrEqual(3);
      expect(summary(cspViolations)).toEqual([
        `report script-src-attr inline`,
        `report script-src-elem ${other.origin}/evil.js`,
        `report script-src-elem inline`,
      ]);
    } finally {
      await other.close();
      await stop(web);
    }
  });
});

test('another site that frames the board gets nothing rendered (frame-ancestors none, X-Frame-Options DENY)', async ({
  page,
  baseURL,
}) => {
  const board = await createBoard(uniqueEmail('frame'), 'Task nobody may frame');
  const framer = await startOtherOrigin({
    '/': {
      type: 'text/html',
      body: `<!doctype html><title>Framer</title><h1>Not TeamFlow</h1><iframe id="app" src="${baseURL}${board.boardPath}" width="900" height="600"></iframe>`,
    },
  });
  const frameOf = () => page.frames().find((f) => f !== page.mainFrame());
  try {
    // The control: the same frame with the two headers taken off shows the app (its sign-in), so the
    // empty frame below is the headers' doing, not a broken setup.
    await page.route(`${baseURL}/**`, async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['content-security-policy'];
      delete headers['x-frame-options'];
      await route.fulfill({ response, headers });
    });
    await page.goto(framer.origin);
    await expect(page.frameLocator('#app').getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.unrouteAll({ behavior: 'wait' });

    await page.goto(framer.origin);
    await expect(page.getByRole('heading', { name: 'Not TeamFlow' })).toBeVisible();
    await expect.poll(() => frameOf()?.url()).toBe('chrome-error://chromewebdata/');
    await expect(page.frameLocator('#app').getByText(/TeamFlow|Sign in|To do/)).toHaveCount(0);
    await page.screenshot({ path: join(ARTIFACTS, 'framed-board-blocked.png') });
  } finally {
    await framer.close();
  }
});
