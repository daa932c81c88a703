import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@/modules/ui/components/app-providers';
import './globals.css';

export const metadata: Metadata = {
  title: 'TeamFlow',
  description: "A team's work in one place: board, async updates, work log, progress, AI.",
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
