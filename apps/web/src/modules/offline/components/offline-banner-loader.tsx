'use client';

import dynamic from 'next/dynamic';

/** The offline banner, loaded after the page (it has nothing to say on a normal first load). */
export const OfflineBannerLoader = dynamic(
  () => import('./offline-banner').then((module) => module.OfflineBanner),
  { ssr: false },
);
