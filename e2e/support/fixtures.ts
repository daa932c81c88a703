import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { PASSWORD } from './api';

export const ARTIFACTS = join(__dirname, '..', 'artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

// The web URL is known only after global setup picked a port.
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_WEB_URL;
    if (!url) throw new Error('E2E_WEB_URL is not set: run through playwright.config.ts (global setup)');
    await use(url);
  },
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
