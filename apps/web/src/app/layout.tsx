import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@/modules/ui/components/app-providers';
import { THEME_SCRIPT } from '@/modules/ui/theme';
import './globals.css';

export const metadata: Metadata = {
  title: 'TeamFlow',
  description: "A team's work in one place: board, async updates, work log, progress, AI.",
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    // The inline script sets the saved theme's class before first paint, so the server HTML differs by design.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-slate-50 dark:bg-slate-950 text-slate-900 dark:text-slate-100 antialiased">
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
