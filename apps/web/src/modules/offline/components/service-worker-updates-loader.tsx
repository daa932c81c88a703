'use client';

import dynamic from 'next/dynamic';

/** The service worker's registration and update prompt, loaded after the page on every route. */
export const ServiceWorkerUpdatesLoader = dynamic(
  () => import('./service-worker-updates').then((module) => module.ServiceWorkerUpdates),
  { ssr: false },
);
