// The names the pages and the service worker (service-worker-script.ts) share.

/** Posted by the page's "Reload" of the update prompt. */
export const SKIP_WAITING = 'skip-waiting';
/** Posted to the pages when Background Sync fires: replay the offline queue. */
export const REPLAY_OFFLINE_QUEUE = 'replay-offline-queue';
/** The Background Sync tag the page registers when it queues a write. */
export const OFFLINE_QUEUE_SYNC_TAG = 'teamflow-offline-queue';
/** Cache names start with this; the page deletes `pages` caches on sign-out. */
export const CACHE_PREFIX = 'teamflow-';
