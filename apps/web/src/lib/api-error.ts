import { ErrorResponse, FieldError, type ErrorCode } from '@teamflow/contracts/common';
import { z } from 'zod';

/** Every failed api call surfaces as this one error type, carrying the api's error body. */
export class ApiError extends Error {
  override name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown,
    readonly requestId: string | undefined,
    /** From a 429's (or 503's) `Retry-After`: when asking again may be answered. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** Per-field messages from a 400 VALIDATION_ERROR, if the api sent them. */
  get fieldErrors(): FieldError[] {
    const parsed = z.array(FieldError).safeParse(this.details);
    return parsed.success ? parsed.data : [];
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/**
 * An answer that may change if asked again later: no network (status 0), too many requests, or the
 * server failing. Not a verdict on the request or the session.
 */
export function isTransient(error: unknown): error is ApiError {
  return isApiError(error) && (error.status === 0 || error.status === 429 || error.status >= 500);
}

/** The api's message for one field of a 400 VALIDATION_ERROR, if it named that field. */
export function apiFieldMessage(error: unknown, field: string): string | undefined {
  return isApiError(error, 400) ? error.fieldErrors.find((d) => d.field === field)?.message : undefined;
}

/** Turns any non-2xx response into an ApiError, tolerating bodies that are not the api's shape (e.g. a proxy's 502). */
export async function toApiError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  // Seconds, as the api sends it (an HTTP date is not used by us).
  const retryAfter = Number(res.headers.get('Retry-After') ?? Number.NaN);
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined;
  const parsed = ErrorResponse.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError(res.status, code, message, details, requestId, retryAfterSeconds);
  }
  const code: ErrorCode = res.status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_ERROR';
  return new ApiError(
    res.status,
    code,
    `Unexpected answer from the server (HTTP ${res.status})`,
    undefined,
    undefined,
    retryAfterSeconds,
  );
}

export function networkError(cause: unknown): ApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ApiError(0, 'SERVICE_UNAVAILABLE', `Cannot reach the server (${reason})`, undefined, undefined);
}
