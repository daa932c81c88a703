import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { env } from '@/lib/env';
import { serviceWorkerScript } from '@/modules/offline/service-worker-script';
import { APP_ICONS } from '@/modules/offline/app-icons';

// The service worker of this build: its id is the cache version, its static files the precache.
// Built once per process from the build output (`next start` serves one build).

export const dynamic = 'force-dynamic';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

let script: Promise<string> | undefined;

async function buildScript(): Promise<string> {
  const distDir = join(process.cwd(), env.NEXT_DIST_DIR);
  const version = (await readFile(join(distDir, 'BUILD_ID'), 'utf8')).trim();
  const staticDir = join(distDir, 'static');
  const files = (await filesUnder(staticDir))
    .filter((file) => !file.endsWith('.map'))
    .map((file) => `/_next/static/${relative(staticDir, file).split(sep).join('/')}`);
  return serviceWorkerScript(version, [...files, '/manifest.webmanifest', ...APP_ICONS.map((i) => i.src)]);
}

export async function GET(): Promise<Response> {
  script ??= buildScript().catch((error: unknown) => {
    script = undefined;
    throw error;
  });
  return new Response(await script, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // The browser checks for a new worker on every navigation; never a cached copy of this file.
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      'Service-Worker-Allowed': '/',
    },
  });
}
