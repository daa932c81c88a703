import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { env } from '@/lib/env';
import { StyleNonce } from '@/lib/style-nonce';
import { browserErrorReporting } from '@/modules/error-reporting/browser-error-reporting';
import { ErrorReportingLoader } from '@/modules/error-reporting/components/error-reporting-loader';
import { APP_ICONS, THEME_COLOR } from '@/modules/offline/app-icons';
import { ServiceWorkerUpdatesLoader } from '@/modules/offline/components/service-worker-updates-loader';
import { AppProviders } from '@/modules/ui/components/app-providers';
import { THEME_SCRIPT } from '@/modules/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'TeamFlow',
  description: "A team's work in one place: board, async updates, work log, progress, AI.",
  icons: { icon: APP_ICONS[0].src, apple: APP_ICONS[0].src },
};

/** The installed app's title bar (see app/manifest.ts). */
export const viewport: Viewport = { themeColor: THEME_COLOR };

export default async function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  // The CSP nonce proxy.ts issued for this request. Reading a request header also makes every page
  // render per request: a prerendered page would serve one nonce to everyone.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const errorReporting = browserErrorReporting(env);
  return (
    // The inline script sets the saved theme's class before first paint, so the server HTML differs by design.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 dark:bg-slate-950 text-slate-900 dark:text-slate-100 antialiased">
        <StyleNonce nonce={nonce} />
        <AppProviders>{children}</AppProviders>
        <ServiceWorkerUpdatesLoader />
        {errorReporting && <ErrorReportingLoader config={errorReporting} />}
      </body>
    </html>
  );
}
