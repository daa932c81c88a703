'use client';

import { useEffect } from 'react';
import { reportBrowserError } from '@/modules/error-reporting/report-browser-error';
import './globals.css';

/**
 * Shown in place of the root layout when rendering fails outside any other boundary. Next's own
 * version styles itself with an inline <style>, which the nonce CSP blocks and reports.
 */
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // An error from the server carries a digest and was reported there (instrumentation.ts).
  useEffect(() => {
    if (!error.digest) reportBrowserError(error);
  }, [error]);
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 dark:bg-slate-950 text-slate-900 dark:text-slate-100 antialiased">
        <main className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-slate-600 dark:text-slate-400">
            TeamFlow hit an error it did not expect. Trying again usually works; if it keeps happening, reload
            the page.
          </p>
          {error.digest && (
            <p className="text-sm text-slate-500 dark:text-slate-400">
              Reference: <code className="font-mono">{error.digest}</code>
            </p>
          )}
          <button
            type="button"
            onClick={reset}
            className="self-start rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-500"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
