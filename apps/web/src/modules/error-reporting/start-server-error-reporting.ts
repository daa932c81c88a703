import {
  init,
  onUncaughtExceptionIntegration,
  onUnhandledRejectionIntegration,
  type ErrorEvent,
} from '@sentry/nextjs';
import type { WebEnv } from '@/lib/env';
import { sentryEnvironment } from './browser-error-reporting';
import { reportableUrl } from './reportable-url';

/**
 * The web server's Sentry, set up as the api's and the worker's are (packages/core
 * error-reporter.ts): release, environment and a `service` tag on every event; no request data
 * (headers, cookies, bodies), no tracing. Requests' errors arrive through instrumentation.ts
 * `onRequestError`.
 */
export function startServerErrorReporting(
  env: Pick<WebEnv, 'SENTRY_DSN' | 'SENTRY_RELEASE' | 'SENTRY_ENVIRONMENT' | 'DEVELOPMENT'>,
): void {
  init({
    dsn: env.SENTRY_DSN,
    release: env.SENTRY_RELEASE,
    environment: sentryEnvironment(env),
    sendDefaultPii: false,
    defaultIntegrations: false,
    integrations: [onUncaughtExceptionIntegration(), onUnhandledRejectionIntegration()],
    initialScope: { tags: { service: 'web' } },
    beforeSend: withoutSecretsInPath,
  });
}

// captureRequestError names the request's path (with its query) in the `nextjs` context.
function withoutSecretsInPath(event: ErrorEvent): ErrorEvent {
  const nextjs = event.contexts?.nextjs;
  if (nextjs && typeof nextjs.request_path === 'string')
    nextjs.request_path = reportableUrl(nextjs.request_path);
  return event;
}
