import * as Sentry from '@sentry/node';
import type { Env } from '@teamflow/config/env';

export interface ErrorReporter {
  report: (error: unknown, context: Record<string, unknown>) => void;
  close: () => Promise<void>;
}

/** Sentry when SENTRY_DSN is set; nothing otherwise. Request bodies and user data are never sent. */
export function initErrorReporter(env: Env): ErrorReporter | undefined {
  if (!env.SENTRY_DSN) return undefined;
  Sentry.init({
    dsn: env.SENTRY_DSN,
    environment: env.NODE_ENV,
    sendDefaultPii: false,
    defaultIntegrations: false,
    integrations: [Sentry.onUncaughtExceptionIntegration(), Sentry.onUnhandledRejectionIntegration()],
  });
  return {
    report: (error, context) => void Sentry.captureException(error, { extra: context }),
    close: async () => {
      await Sentry.close(2000);
    },
  };
}
