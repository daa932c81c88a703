/** The app's icons (public/icons, drawn by scripts/web-app-icons.mjs at the repo root): full-bleed, so also maskable. */
export const APP_ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

/** The header's indigo: the installed app's title bar and splash screen. */
export const THEME_COLOR = '#4f46e5';
export const BACKGROUND_COLOR = '#f8fafc';
