import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { PASSWORD } from './api';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

/** A Content-Security-Policy violation as the page's `securitypolicyviolation` event described it. */
export interface CspViolation {
  documentURI: string;
  blockedURI: string;
  effectiveDirective: string;
  disposition: string;
  sample: string;
}

// Where violations go: the list of the test this worker is running (a worker runs one at a time).
let violationsOfRunningTest: CspViolation[] | undefined;

/** Every page and frame of the context reports its CSP violations to the running test. */
async function watchCsp(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__e2eCspViolation', (_source, violation: CspViolation) => {
    violationsOfRunningTest?.push(violation);
  });
  // Init scripts run before the page's own, whatever its CSP says.
  await context.addInitScript(() => {
    const report = (window as unknown as { __e2eCspViolation: (v: CspViolation) => void }).__e2eCspViolation;
    addEventListener(
      'securitypolicyviolation',
      (e) =>
        void report({
          documentURI: e.documentURI,
          blockedURI: e.blockedURI,
          effectiveDirective: e.effectiveDirective,
          disposition: e.disposition,
          sample: e.sample,
        }),
      true,
    );
  });
}

export const test = base.extend<
  {
    /** Set with `test.use` by a spec that provokes violations on purpose (and asserts on `cspViolations`). */
    cspViolationsExpected: boolean;
    /** Every CSP violation any page of the test reported; unless expected, the test fails on the first. */
    cspViolations: CspViolation[];
  },
  { browser: Browser }
>({
  // The web URL is known only after global setup picked a port.
  baseURL: async ({}, use) => {
    const url = process.env.E2E_WEB_URL;
    if (!url) throw new Error('E2E_WEB_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
  // Contexts a spec opens itself (a second user's browser) are watched like the default one: the
  // default `context` fixture also comes from browser.newContext.
  browser: [
    async ({ browser }, use) => {
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        await watchCsp(context);
        return context;
      };
      await use(browser);
    },
    { scope: 'worker' },
  ],
  cspViolationsExpected: [false, { option: true }],
  cspViolations: [
    async ({ cspViolationsExpected }, use) => {
      const violations: CspViolation[] = [];
      violationsOfRunningTest = violations;
      await use(violations);
      violationsOfRunningTest = undefined;
      if (!cspViolationsExpected && violations.length > 0) {
        throw new Error(
          `The page reported ${violations.length} Content-Security-Policy violation(s):\n${violations
            .map(
              (v) =>
                `  ${v.effectiveDirective} blocked ${v.blockedURI || '(inline)'} on ${v.documentURI} ${v.sample}`,
            )
            .join('\n')}`,
        );
      }
    },
    { auto: true },
  ],
});
export { expect };

/** Signs in through the login page, starting from `next` so the redirect back is exercised too. */
export async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

export function column(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/**
 * Routes the page's realtime socket through the test so it can hold back the server's events. A
 * stale edit happens only while someone else's change has not reached this page yet; on a live
 * board that window is milliseconds, so a test that needs it holds the events open. Heartbeats
 * and acks still pass, so the connection stays up. Call before the page connects.
 */
export async function holdableRealtime(page: Page): Promise<{ hold: () => void }> {
  let holding = false;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      // Engine.IO "4" (message) + Socket.IO "2" (event): "42[...]". Pings are "2", acks "43".
      if (holding && typeof message === 'string' && message.startsWith('42')) return;
      ws.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
  };
}
