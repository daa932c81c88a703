#!/usr/bin/env node
// The first-load JS of App Router pages in a production build: Next 16's `next build` no longer
// prints it. Run after a build, from apps/web:
//   node ../../scripts/web-first-load-js.mjs [distDir] [route …]
// e.g. node ../../scripts/web-first-load-js.mjs .next '(app)/w/[workspaceId]/p/[projectId]'
// It adds up the root main files and every JS file the route's layouts and page load up front
// (raw and gzip), and says whether Recharts or cmdk are among them (they should load on demand).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [distDir = '.next', ...given] = process.argv.slice(2);
const routes = given.length ? given : ['(app)/w/[workspaceId]/p/[projectId]'];
// Strings their code keeps after minification: class names and attributes they render.
const LIBRARIES = { recharts: 'recharts-wrapper', cmdk: 'cmdk-root' };

const build = JSON.parse(readFileSync(join(distDir, 'build-manifest.json'), 'utf8'));
for (const route of routes) {
  const manifestFile = join(distDir, 'server', 'app', route, 'page_client-reference-manifest.js');
  globalThis.__RSC_MANIFEST = {};
  new Function(readFileSync(manifestFile, 'utf8'))();
  const manifest = Object.values(globalThis.__RSC_MANIFEST)[0];
  const files = new Set(build.rootMainFiles);
  for (const list of Object.values(manifest.entryJSFiles)) for (const file of list) files.add(file);
  let raw = 0;
  let gzip = 0;
  const found = new Set();
  for (const file of files) {
    const bytes = readFileSync(join(distDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
    const text = bytes.toString('utf8');
    for (const [name, marker] of Object.entries(LIBRARIES)) if (text.includes(marker)) found.add(name);
  }
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `${route}: ${files.size} files, ${kb(raw)} raw, ${kb(gzip)} gzip; ${found.size ? `includes ${[...found].join(', ')}` : 'no recharts, no cmdk'}`,
  );
}
