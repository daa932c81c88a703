'use client';

import dynamic from 'next/dynamic';

/**
 * The offline queue's runner, loaded after the page: its IndexedDB code, the cache persister and
 * the replay stay out of every page's first-load JS (nothing on screen waits for them).
 */
export const OfflineSyncLoader = dynamic(
  () => import('./offline-sync').then((module) => module.OfflineSync),
  { ssr: false },
);
