#!/usr/bin/env node
// The first-load JS of a page of a built web app: every chunk the browser fetches before the page
// can run (the root main files and the entry chunks of the page and its layouts), read from the
// build's manifests, with raw and gzip sizes. Next 16 (Turbopack) no longer prints this table.
// It also says whether the code highlighter is among those chunks (it must be loaded lazily).
//
//   node bench/markdown/first-load.mjs [distDir] [route]
//   distDir defaults to apps/web/.next; route to the board page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BOARD_ROUTE = '/(app)/w/[workspaceId]/p/[projectId]/page';
// Strings only highlight.js (through lowlight) puts in a chunk: its grammar and class names.
const HIGHLIGHTER_MARKERS = ['hljs-', 'lowlight'];

const webDir = fileURLToPath(new URL('../../apps/web/', import.meta.url));

/** The chunks of `route` the browser loads before the page runs, as paths inside distDir. */
export function firstLoadChunks(distDir, route = BOARD_ROUTE) {
  const buildManifest = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
  const manifestFile = join(distDir, 'server', 'app', `${route}_client-reference-manifest.js`);
  // The client reference manifest is a script assigning globalThis.__RSC_MANIFEST[route].
  const sandbox = {};
  new Function('globalThis', readFileSync(manifestFile, 'utf8'))(sandbox);
  const manifest = sandbox.__RSC_MANIFEST[route];
  const files = new Set([...buildManifest.polyfillFiles, ...buildManifest.rootMainFiles]);
  for (const chunks of Object.values(manifest.entryJSFiles)) for (const f of chunks) files.add(f);
  return [...files];
}

/** Raw and gzip bytes of the first-load chunks, and which of them hold the highlighter. */
export function firstLoad(distDir, route = BOARD_ROUTE) {
  const chunks = firstLoadChunks(distDir, route).map((file) => {
    const body = readFileSync(join(distDir, file));
    const text = body.toString('utf8');
    return {
      file,
      bytes: body.length,
      gzipBytes: gzipSync(body, { level: 9 }).length,
      highlighter: HIGHLIGHTER_MARKERS.some((m) => text.includes(m)),
    };
  });
  const sum = (key) => chunks.reduce((n, c) => n + c[key], 0);
  return {
    route,
    chunks: chunks.length,
    bytes: sum('bytes'),
    gzipBytes: sum('gzipBytes'),
    highlighterChunks: chunks.filter((c) => c.highlighter).map((c) => c.file),
  };
}

/** Every emitted chunk that holds the highlighter (to show it exists, just not on first load). */
export function highlighterChunks(distDir) {
  const dir = join(distDir, 'static', 'chunks');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .filter((f) => HIGHLIGHTER_MARKERS.some((m) => readFileSync(join(dir, f), 'utf8').includes(m)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const distDir = resolve(process.argv[2] ?? join(webDir, '.next'));
  const route = process.argv[3] ?? BOARD_ROUTE;
  if (!existsSync(join(distDir, 'build-manifest.json'))) {
    process.stderr.write(
      `no build in ${distDir}: run NEXT_TELEMETRY_DISABLED=1 npx next build in apps/web\n`,
    );
    process.exit(1);
  }
  const result = { ...firstLoad(distDir, route), highlighterAnywhere: highlighterChunks(distDir) };
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  process.stdout.write(
    `${route}: ${result.chunks} chunks, ${kb(result.bytes)} raw, ${kb(result.gzipBytes)} gzip; ` +
      `highlighter in first load: ${result.highlighterChunks.length ? result.highlighterChunks.join(', ') : 'no'}; ` +
      `highlighter chunks emitted: ${result.highlighterAnywhere.length}\n`,
  );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
