import type { MetadataRoute } from 'next';
import { APP_ICONS, BACKGROUND_COLOR, THEME_COLOR } from '@/modules/offline/app-icons';

// The web app manifest (/manifest.webmanifest, linked by Next from every page): what an installed
// TeamFlow looks like. Opening it lands on the workspaces page.
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'TeamFlow',
    short_name: 'TeamFlow',
    description: "A team's work in one place: board, async updates, work log, progress, AI.",
    start_url: '/workspaces',
    scope: '/',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: APP_ICONS.map((icon) => ({ ...icon })),
  };
}
