import { Readiness } from '@teamflow/contracts/health';
import { env } from './env';

export type ApiHealth =
  | { kind: 'ready'; url: string; readiness: Readiness }
  | { kind: 'not-ready'; url: string; readiness: Readiness }
  | { kind: 'unreachable'; url: string; reason: string };

const TIMEOUT_MS = 3000;

/** Asks the api's readiness endpoint, server side, and never throws: a failure is a state to show. */
export async function getApiHealth(): Promise<ApiHealth> {
  const url = env.API_URL;
  let res: Response;
  try {
    res = await fetch(`${url}/health/ready`, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    return { kind: 'unreachable', url, reason: describeFetchError(err) };
  }
  // The api answers 503 with the same body when a dependency is down.
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = Readiness.safeParse(body);
  if (!parsed.success) {
    return { kind: 'unreachable', url, reason: `unexpected answer from /health/ready (HTTP ${res.status})` };
  }
  return { kind: parsed.data.status === 'ready' ? 'ready' : 'not-ready', url, readiness: parsed.data };
}

const systemErrors: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there',
  ENOTFOUND: 'the host name does not resolve',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'the host cannot be reached',
};

function describeFetchError(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000}s`;
  // undici puts the system error (ECONNREFUSED, ENOTFOUND…) in `cause`.
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') {
    return `${systemErrors[cause.code] ?? 'connection failed'} (${cause.code})`;
  }
  return err instanceof Error ? err.message : String(err);
}
