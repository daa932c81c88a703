import * as Sentry from '@sentry/node';
import type { Env } from '@teamflow/config/env';

export interface ErrorReporter {
  /** `tags` are searchable in Sentry (short values: ids, names, numbers); `context` is extra detail. */
  report: (error: unknown, context: Record<string, unknown>, tags?: Record<string, string>) => void;
  close: () => Promise<void>;
}

/**
 * Sentry when SENTRY_DSN is set; nothing otherwise. One setup for the api and the worker: every
 * event carries the release (the deployed commit, SENTRY_RELEASE, baked into each image), the
 * environment (SENTRY_ENVIRONMENT: staging, production; NODE_ENV when unset) and the process
 * (`service` tag). Request bodies, job payloads and user data are never sent: callers pass ids.
 */
export function initErrorReporter(
  env: Pick<Env, 'SENTRY_DSN' | 'SENTRY_RELEASE' | 'SENTRY_ENVIRONMENT' | 'NODE_ENV'>,
  service: 'api' | 'worker',
): ErrorReporter | undefined {
  if (!env.SENTRY_DSN) return undefined;
  Sentry.init({
    dsn: env.SENTRY_DSN,
    release: env.SENTRY_RELEASE,
    environment: env.SENTRY_ENVIRONMENT ?? env.NODE_ENV,
    sendDefaultPii: false,
    defaultIntegrations: false,
    integrations: [Sentry.onUncaughtExceptionIntegration(), Sentry.onUnhandledRejectionIntegration()],
    initialScope: { tags: { service } },
  });
  return {
    report: (error, context, tags) => void Sentry.captureException(error, { extra: context, tags }),
    close: async () => {
      await Sentry.close(2000);
    },
  };
}
