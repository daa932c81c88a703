import { CACHE_PREFIX } from './service-worker-protocol';

/** Sign-out: the pages the service worker kept for offline reloads go too (the static files stay). */
export async function forgetCachedPages(): Promise<void> {
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith(`${CACHE_PREFIX}pages-`)).map((name) => caches.delete(name)),
  );
}
