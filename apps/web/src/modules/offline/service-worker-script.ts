// The service worker, served by `app/sw.js/route.ts` with this build's id and files filled in.
// Written by hand rather than with Serwist: @serwist/next's classic plugin hooks webpack, and Next
// 16 builds with Turbopack; Serwist's Turbopack and "configurator" modes add a second build of the
// worker (esbuild) and a post-build CLI step to every build, the e2e one included. What we need
// is small: precache the static files of one build, keep the pages last seen for offline
// reloads, version both by build id, and wake the page for Background Sync.
//
// The script it returns is plain (no imports, no bundling): the browser runs exactly this text.

import {
  CACHE_PREFIX,
  OFFLINE_QUEUE_SYNC_TAG,
  REPLAY_OFFLINE_QUEUE,
  SKIP_WAITING,
} from './service-worker-protocol';

export function serviceWorkerScript(version: string, precache: readonly string[]): string {
  return `'use strict';
const VERSION = ${JSON.stringify(version)};
const PRECACHE = ${JSON.stringify(precache)};
const SHELL = '${CACHE_PREFIX}shell-' + VERSION;
const PAGES = '${CACHE_PREFIX}pages-' + VERSION;

self.addEventListener('install', (event) => {
  // A new build waits until the person reloads (the page's "update available" prompt), so a tab
  // never runs an old shell on top of new files. The first install has nothing to replace.
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('${CACHE_PREFIX}') && name !== SHELL && name !== PAGES)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === '${SKIP_WAITING}') self.skipWaiting();
});

self.addEventListener('sync', (event) => {
  if (event.tag !== '${OFFLINE_QUEUE_SYNC_TAG}') return;
  event.waitUntil(
    self.clients
      .matchAll({ type: 'window' })
      .then((windows) => windows.forEach((client) => client.postMessage({ type: '${REPLAY_OFFLINE_QUEUE}' }))),
  );
});

const OFFLINE_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>TeamFlow: offline</title>' +
  '<body><h1>You are offline</h1><p>This page was not opened on this device before. ' +
  'Open it again when you are back online.</p></body></html>';

/** Network first; the last good answer for this URL (or this path) when there is no network. */
async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request)) || (await cache.match(request, { ignoreSearch: true }));
    if (cached) return cached;
    if (request.mode === 'navigate')
      return new Response(OFFLINE_PAGE, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    throw error;
  }
}

/** Static files carry their content hash in the name: the cached copy is the file. */
async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The api (another origin) and anything but GET go straight to the network: the offline queue
  // and the persisted query cache handle data, never this worker.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/sw.js') return;
  if (url.pathname.startsWith('/_next/static/')) return event.respondWith(cacheFirst(request));
  const isPage = request.mode === 'navigate' || request.headers.get('RSC') === '1';
  if (isPage) return event.respondWith(networkFirst(request));
  if (PRECACHE.includes(url.pathname)) return event.respondWith(cacheFirst(request));
});
`;
}
