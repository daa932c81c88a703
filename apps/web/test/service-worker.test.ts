/**
 * @jest-environment node
 */
// The service worker's text, run as a browser would run it: in a worker global of its own (here a
// vm context with the Cache Storage and fetch a browser gives it; fetch is the network boundary).
import { runInNewContext } from 'node:vm';
import { OFFLINE_QUEUE_SYNC_TAG, REPLAY_OFFLINE_QUEUE } from '@/modules/offline/service-worker-protocol';
import { serviceWorkerScript } from '@/modules/offline/service-worker-script';

const ORIGIN = 'https://teamflow.test';

/** Cache Storage keyed by URL (what the worker relies on: match, ignoreSearch, put, addAll, keys, delete). */
function cacheStorage(network: (request: Request) => Promise<Response>) {
  const stores = new Map<string, Map<string, Response>>();
  const open = (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    const keyOf = (r: Request | string) => new URL(typeof r === 'string' ? r : r.url, ORIGIN).href;
    return {
      match: (r: Request, options?: { ignoreSearch?: boolean }) => {
        const key = keyOf(r);
        const hit = options?.ignoreSearch
          ? [...store.entries()].find(([k]) => k.split('?')[0] === key.split('?')[0])?.[1]
          : store.get(key);
        return Promise.resolve(hit?.clone());
      },
      put: (r: Request, response: Response) => Promise.resolve(void store.set(keyOf(r), response)),
      addAll: async (urls: string[]) => {
        for (const url of urls) store.set(keyOf(url), await network(new Request(new URL(url, ORIGIN))));
      },
    };
  };
  return {
    stores,
    api: {
      open: (name: string) => Promise.resolve(open(name)),
      keys: () => Promise.resolve([...stores.keys()]),
      delete: (name: string) => Promise.resolve(stores.delete(name)),
      match: (r: Request) =>
        Promise.resolve(
          [...stores.values()]
            .map((s) => s.get(new URL(r.url).href))
            .find(Boolean)
            ?.clone(),
        ),
    },
  };
}

function startWorker(version: string, precache: string[]) {
  const handlers = new Map<string, (event: unknown) => void>();
  let online = true;
  const served: string[] = [];
  const network = (request: Request) => {
    if (!online) return Promise.reject(new TypeError('Failed to fetch'));
    served.push(request.url);
    const page = `<html>${new URL(request.url).pathname} from the network</html>`;
    const response = new Response(page, { status: 200 });
    Object.defineProperty(response, 'type', { value: 'basic' });
    return Promise.resolve(response);
  };
  const caches = cacheStorage(network);
  const posted: unknown[] = [];
  const self = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, handler: (event: unknown) => void) => handlers.set(type, handler),
    skipWaiting: jest.fn(),
    clients: {
      claim: () => Promise.resolve(),
      matchAll: () => Promise.resolve([{ postMessage: (m: unknown) => posted.push(m) }]),
    },
  };
  runInNewContext(serviceWorkerScript(version, precache), {
    self,
    caches: caches.api,
    fetch: network,
    Response,
    URL,
    Promise,
  });
  const lifecycle = async (type: string, extra: Record<string, unknown> = {}) => {
    let done: Promise<unknown> = Promise.resolve();
    handlers.get(type)!({ ...extra, waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  const request = async (url: string, { mode, ...init }: RequestInit & { mode?: string } = {}) => {
    let answer: Promise<Response> | undefined;
    const req = new Request(new URL(url, ORIGIN), init);
    // A page load ("navigate" is a mode only the browser itself may give a request).
    Object.defineProperty(req, 'mode', { value: mode ?? 'cors' });
    handlers.get('fetch')!({ request: req, respondWith: (r: Promise<Response>) => (answer = r) });
    return answer ? await answer : undefined;
  };
  return {
    caches,
    served,
    posted,
    self,
    lifecycle,
    request,
    setOnline: (up: boolean) => (online = up),
  };
}

it('precaches the build’s files under a cache named by its build id', async () => {
  const sw = startWorker('build-2', ['/_next/static/chunks/app.js', '/manifest.webmanifest']);
  await sw.lifecycle('install');
  expect([...sw.caches.stores.get('teamflow-shell-build-2')!.keys()]).toEqual([
    `${ORIGIN}/_next/static/chunks/app.js`,
    `${ORIGIN}/manifest.webmanifest`,
  ]);
  // A new build waits for the page's "Reload" rather than taking over on its own.
  expect(sw.self.skipWaiting).not.toHaveBeenCalled();
});

it('drops the caches of older builds when it takes over, and no one else’s', async () => {
  const sw = startWorker('build-2', []);
  await sw.caches.api.open('teamflow-shell-build-1');
  await sw.caches.api.open('teamflow-pages-build-1');
  await sw.caches.api.open('someone-elses-cache');
  await sw.lifecycle('install');
  await sw.lifecycle('activate');
  expect((await sw.caches.api.keys()).sort()).toEqual(['someone-elses-cache', 'teamflow-shell-build-2']);
});

it('reloads a page seen before from its cache when the network is gone, and says so for one never seen', async () => {
  const sw = startWorker('build-2', []);
  const board = '/w/1/p/2/board';
  expect(await (await sw.request(board, { mode: 'navigate' }))!.text()).toContain('from the network');

  sw.setOnline(false);
  const offline = await sw.request(board, { mode: 'navigate' });
  expect(await offline!.text()).toContain(`${board} from the network`);
  const unseen = await sw.request('/w/1/p/3/board', { mode: 'navigate' });
  expect(unseen!.status).toBe(503);
  expect(await unseen!.text()).toContain('You are offline');
});

it('serves static files from the cache first and leaves the api and writes to the network', async () => {
  const sw = startWorker('build-2', ['/_next/static/chunks/app.js']);
  await sw.lifecycle('install');
  sw.setOnline(false);
  expect((await sw.request('/_next/static/chunks/app.js'))!.status).toBe(200);
  expect(await sw.request('https://api.teamflow.test/api/v1/tasks/1')).toBeUndefined();
  expect(await sw.request('/anything', { method: 'POST', body: '{}' })).toBeUndefined();
});

it('wakes the open pages to replay the offline queue when Background Sync fires', async () => {
  const sw = startWorker('build-2', []);
  await sw.lifecycle('sync', { tag: OFFLINE_QUEUE_SYNC_TAG });
  expect(sw.posted).toEqual([{ type: REPLAY_OFFLINE_QUEUE }]);
});

it('takes over when the page asks (the update prompt’s Reload)', () => {
  const sw = startWorker('build-2', []);
  let handler: ((event: unknown) => void) | undefined;
  sw.self.addEventListener = (type: string, h: (event: unknown) => void) => {
    if (type === 'message') handler = h;
    return new Map();
  };
  runInNewContext(serviceWorkerScript('build-3', []), {
    self: sw.self,
    caches: sw.caches.api,
    Response,
    URL,
    Promise,
  });
  handler!({ data: { type: 'skip-waiting' } });
  expect(sw.self.skipWaiting).toHaveBeenCalled();
});
