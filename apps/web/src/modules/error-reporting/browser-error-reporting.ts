import type { WebEnv } from '@/lib/env';

/**
 * What the browser needs to report to Sentry. The server reads it from its environment at run time
 * (SENTRY_DSN, SENTRY_RELEASE, SENTRY_ENVIRONMENT, as the api and worker do) and the root layout
 * hands it to the page, so one build serves any deployment and the browser reports only where the
 * server does.
 */
export interface BrowserErrorReporting {
  dsn: string;
  release?: string;
  environment: string;
}

/** Sentry's environment tag: the deployment (staging, production) when set, else the build kind. */
export function sentryEnvironment(env: Pick<WebEnv, 'SENTRY_ENVIRONMENT' | 'DEVELOPMENT'>): string {
  return env.SENTRY_ENVIRONMENT ?? (env.DEVELOPMENT ? 'development' : 'production');
}

/** Undefined when no DSN is configured: then the page loads nothing for error reporting. */
export function browserErrorReporting(
  env: Pick<WebEnv, 'SENTRY_DSN' | 'SENTRY_RELEASE' | 'SENTRY_ENVIRONMENT' | 'DEVELOPMENT'>,
): BrowserErrorReporting | undefined {
  if (!env.SENTRY_DSN) return undefined;
  return {
    dsn: env.SENTRY_DSN,
    ...(env.SENTRY_RELEASE ? { release: env.SENTRY_RELEASE } : {}),
    environment: sentryEnvironment(env),
  };
}
