import type { Instrumentation } from 'next';
import { env } from '@/lib/env';

// Next calls register() once per server process and onRequestError for every error a request's
// rendering, route handler, server action or proxy throws. The Sentry SDK is loaded only when a
// DSN is configured.

export async function register(): Promise<void> {
  // The proxy runs in the Node.js runtime too (Next 16), so there is no edge runtime to set up.
  // NEXT_RUNTIME is not configuration: Next inlines it per runtime it compiles this file for.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !env.SENTRY_DSN) return;
  const { startServerErrorReporting } =
    await import('@/modules/error-reporting/start-server-error-reporting');
  startServerErrorReporting(env);
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (!env.SENTRY_DSN) return;
  const { captureRequestError } = await import('@sentry/nextjs');
  captureRequestError(error, request, context);
};
