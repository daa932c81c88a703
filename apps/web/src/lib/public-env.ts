// Browser-visible configuration. Next inlines NEXT_PUBLIC_* at build time, so this must read the
// variable by its literal name; it is the only file in browser code that touches process.env.
const DEFAULT_API_URL = 'http://localhost:4000';

export const publicApiUrl = (process.env.NEXT_PUBLIC_API_URL || DEFAULT_API_URL).replace(/\/+$/, '');

/** `next build`/`next start`: the service worker is registered only there (never under `next dev`). */
export const productionBuild = process.env.NODE_ENV === 'production';
