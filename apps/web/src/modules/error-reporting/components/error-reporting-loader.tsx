'use client';

import { useEffect } from 'react';
import type { BrowserErrorReporting } from '../browser-error-reporting';

/**
 * Starts browser error reporting once the page has loaded and the main thread is idle: the SDK is
 * its own chunk, fetched then, so it adds nothing to the first load. Rendered by the root layout
 * only when a DSN is configured.
 */
export function ErrorReportingLoader({ config }: { config: BrowserErrorReporting }) {
  useEffect(() => {
    let cancelled = false;
    const load = () => {
      if (cancelled) return;
      void import('../start-browser-error-reporting').then((m) => m.startBrowserErrorReporting(config));
    };
    // Safari has no requestIdleCallback.
    const whenIdle = () =>
      'requestIdleCallback' in window ? requestIdleCallback(load, { timeout: 5000 }) : setTimeout(load, 200);
    if (document.readyState === 'complete') whenIdle();
    else window.addEventListener('load', whenIdle, { once: true });
    return () => {
      cancelled = true;
      window.removeEventListener('load', whenIdle);
    };
  }, [config]);
  return null;
}
