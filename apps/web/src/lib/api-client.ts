import { AccessTokenResponse } from '@teamflow/contracts/auth';
import { type z } from 'zod';
import { isTransient, networkError, toApiError } from './api-error';
import { publicApiUrl } from './public-env';

// The access token lives only in this module's memory; the refresh token is an HttpOnly cookie.
let accessToken: string | undefined;
let refreshInFlight: Promise<boolean> | undefined;
const sessionEndListeners = new Set<() => void>();

export function setAccessToken(token: string | undefined): void {
  accessToken = token;
}

/** The current access token (the realtime socket's handshake reads it on every (re)connect). */
export function getAccessToken(): string | undefined {
  return accessToken;
}

/** Tells the UI the session is over (a refresh failed outside apiRequest, e.g. for the socket). */
export function endSession(): void {
  sessionEndListeners.forEach((listener) => listener());
}

/** Called when a silent refresh fails: the session is over and the UI should ask to sign in. */
export function onSessionEnd(listener: () => void): () => void {
  sessionEndListeners.add(listener);
  return () => sessionEndListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions<S extends z.ZodType | undefined> {
  body?: unknown;
  /** Parses the response body; omit for 204 responses. */
  schema?: S;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: a replay of the same write (the offline queue's) is applied once. */
  idempotencyKey?: string;
}

type Result<S> = S extends z.ZodType ? z.infer<S> : undefined;

async function send(
  method: Method,
  path: string,
  body: unknown,
  signal?: AbortSignal,
  idempotencyKey?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(`${publicApiUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'include',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw networkError(error);
  }
}

/**
 * Trades the refresh cookie for a new access token. Concurrent callers share one request: the api
 * rotates the cookie on every refresh and treats a reused one as theft. False when the api says the
 * session is over; an answer that says nothing about the session (no network, 429, a server error)
 * is thrown as an ApiError, so callers keep the session and try again later instead of signing out.
 */
export function refreshAccessToken(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      const res = await send('POST', '/auth/refresh', undefined);
      if (!res.ok) {
        const error = await toApiError(res);
        if (isTransient(error)) throw error;
        accessToken = undefined;
        return false;
      }
      accessToken = AccessTokenResponse.parse(await res.json()).accessToken;
      return true;
    } finally {
      refreshInFlight = undefined;
    }
  })();
  return refreshInFlight;
}

/**
 * True once a request can carry an access token: the one in memory, else the refresh already under
 * way (a page load's session restore), else a new one. For work started before the session is known
 * (a page's first queries while the session restores), so it waits for the token instead of going
 * out without one and paying a 401 and a second refresh.
 */
export function ensureAccessToken(): Promise<boolean> {
  return accessToken ? Promise.resolve(true) : refreshAccessToken();
}

/** The one way the web app calls the api: JSON in and out, one silent refresh on 401, typed errors. */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: Method,
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const { body, signal, idempotencyKey } = options;
  let res = await send(method, path, body, signal, idempotencyKey);
  const mayRefresh = res.status === 401 && !path.startsWith('/auth/');
  if (mayRefresh) {
    if (await refreshAccessToken()) {
      res = await send(method, path, body, signal, idempotencyKey);
    } else {
      endSession();
    }
  }
  if (!res.ok) throw await toApiError(res);
  if (!options.schema || res.status === 204) return undefined as Result<S>;
  return options.schema.parse(await res.json()) as Result<S>;
}

// The api's largest page (API.md: `?limit=` 1–100): a whole list in as few requests as it can be.
const WHOLE_LIST_PAGE = 100;

type ListSchema = z.ZodType<{ items: unknown[]; nextCursor: string | null }>;

/** A list's path (with any filters it has) asking for one page: `limit`, and `cursor` after the first. */
export function pagePath(path: string, limit: number, cursor: string | null): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `${path}${path.includes('?') ? '&' : '?'}${query}`;
}

/**
 * Every item of a paged list (`{items, nextCursor}`), for what needs all of it (pickers, the workspace
 * switcher, project and sprint lists): asks for pages of 100 and follows `nextCursor` until it is null.
 * Answers the whole list as one page (`nextCursor: null`), the shape its first page had.
 */
export async function apiGetAll<S extends ListSchema>(
  path: string,
  options: { schema: S; signal?: AbortSignal },
): Promise<{ items: z.infer<S>['items']; nextCursor: null }> {
  const items: z.infer<S>['items'] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: z.infer<ListSchema> = await apiRequest(
      'GET',
      pagePath(path, WHOLE_LIST_PAGE, cursor),
      options,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    // A cursor handed out twice would loop for ever: a broken list is an error, not an endless spinner.
    if (cursor !== null && seen.has(cursor)) throw new Error(`GET ${path} repeated a page cursor`);
    if (cursor !== null) seen.add(cursor);
  } while (cursor !== null);
  return { items, nextCursor: null };
}

/** One multipart POST with upload progress (fetch cannot report it), through the same session. */
function sendUpload(
  path: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${publicApiUrl}/api/v1${path}`);
    xhr.withCredentials = true;
    if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
    xhr.onerror = () => reject(networkError(new Error('upload failed')));
    xhr.send(form);
  });
}

/**
 * Uploads a file as `multipart/form-data` (field `file`, plus any text `fields` such as an
 * import's mapping), reporting progress from 0 to 1.
 */
export async function apiUpload<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  onProgress: (fraction: number) => void = () => undefined,
  fields: Record<string, string> = {},
): Promise<z.infer<S>> {
  const form = () => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    data.append('file', file, file.name);
    return data;
  };
  let res = await sendUpload(path, form(), onProgress);
  if (res.status === 401 && (await refreshAccessToken())) res = await sendUpload(path, form(), onProgress);
  const response = new Response(res.body || null, {
    status: res.status,
    headers: { 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
  return schema.parse(await response.json());
}

/**
 * A file the api serves behind the bearer token (an attachment, a work-log export, the account export): fetched
 * with the same token and silent refresh as `apiRequest`, returned as a Blob to save.
 */
export async function apiDownload(path: string, signal?: AbortSignal): Promise<Blob> {
  let res = await send('GET', path, undefined, signal);
  if (res.status === 401 && (await refreshAccessToken())) res = await send('GET', path, undefined, signal);
  if (!res.ok) throw await toApiError(res);
  return res.blob();
}
