import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, start, stop, waitForUrl } from './processes';

export const WEB_DIR = join(REPO_ROOT, 'apps', 'web');
export const NEXT_BIN = join(WEB_DIR, 'node_modules', 'next', 'dist', 'bin', 'next');
// The e2e build has its own output folder so it never replaces a developer's `.next`.
export const WEB_DIST_DIR = '.next/e2e';

/** The web app's environment, pointed at the api (the browser and the server reach it at one URL). */
export function webEnv(apiUrl: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: WEB_DIST_DIR,
    // Builds in the routes that fail on purpose (apps/web src/app/e2e, `page.e2e.tsx`).
    E2E_TEST_ROUTES: 'true',
    API_URL: apiUrl,
    NEXT_PUBLIC_API_URL: apiUrl,
    ...extra,
  };
}

/** Starts the production build (`next start`) on a port and waits until it serves the login page. */
export async function startWeb(name: string, port: number, env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const web = start(name, process.execPath, [NEXT_BIN, 'start', '-p', String(port)], WEB_DIR, env);
  try {
    await waitForUrl(`http://localhost:${port}/login`, name, 60_000);
  } catch (error) {
    await stop(web);
    throw error;
  }
  return web;
}
