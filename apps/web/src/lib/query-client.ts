import { onlineManager, QueryClient } from '@tanstack/react-query';
import { isApiError, isTransient } from './api-error';

const MAX_RETRIES = 2;
/** The longest a read waits before asking again, whatever a `Retry-After` says. */
const MAX_RETRY_WAIT_MS = 30_000;

/**
 * How long before asking again: when the api said (a 429's `Retry-After`), else TanStack's own
 * doubling from a second.
 */
export function retryWait(failureCount: number, error: unknown): number {
  const said = isApiError(error) ? error.retryAfterSeconds : undefined;
  return Math.min(said !== undefined ? said * 1000 : 1000 * 2 ** failureCount, MAX_RETRY_WAIT_MS);
}

export function makeQueryClient(): QueryClient {
  // TanStack starts out online and learns otherwise from an `offline` event; a page loaded
  // without a network gets none, so it starts from what the browser says.
  if (typeof navigator !== 'undefined') onlineManager.setOnline(navigator.onLine);
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change on retry, but a 429 will once its window passes; network and
        // server failures are worth another try too.
        retry: (failureCount, error) =>
          failureCount < MAX_RETRIES && (!isApiError(error) || isTransient(error)),
        retryDelay: retryWait,
      },
      mutations: { retry: false },
    },
  });
}
