import { captureException, init, type ErrorEvent } from '@sentry/nextjs';
import type { BrowserErrorReporting } from './browser-error-reporting';
import { reportableUrl } from './reportable-url';
import { setBrowserErrorReporter } from './report-browser-error';

// Not loaded with the page: components/error-reporting-loader.tsx imports this once the page is
// idle, and only when a DSN is configured, so the SDK never weighs on the first load.

// Breadcrumbs record fetch URLs (search text, ids) and console lines; tracing is off. What is left:
// uncaught errors and rejections (window.onerror), linked causes, dedupe, the page URL and browser.
const LEFT_OUT = new Set(['Breadcrumbs', 'BrowserTracing']);

let started = false;

export function startBrowserErrorReporting(config: BrowserErrorReporting): void {
  if (started) return;
  started = true;
  init({
    dsn: config.dsn,
    release: config.release,
    environment: config.environment,
    sendDefaultPii: false,
    integrations: (defaults) => defaults.filter((integration) => !LEFT_OUT.has(integration.name)),
    initialScope: { tags: { service: 'web' } },
    beforeSend: withoutSecretsInUrl,
  });
  setBrowserErrorReporter((error) => captureException(error, { tags: { boundary: 'global-error' } }));
}

function withoutSecretsInUrl(event: ErrorEvent): ErrorEvent {
  if (event.request?.url) event.request.url = reportableUrl(event.request.url);
  return event;
}
