import type { Redis } from '../../platform/redis';
import { withRedis } from '../../platform/redis';

/** What a browser's sign-in started with, kept server-side until the issuer sends it back once. */
export interface GoogleSignInFlow {
  nonce: string;
  codeVerifier: string;
  /** The web path to land on afterwards. */
  next?: string;
}

// Long enough to pick an account and consent; a flow is spent by its first callback.
export const GOOGLE_FLOW_TTL_SECONDS = 10 * 60;

const key = (state: string) => `auth:google:flow:${state}`;

export async function saveGoogleSignInFlow(
  redis: Redis,
  state: string,
  flow: GoogleSignInFlow,
): Promise<void> {
  await withRedis(() => redis.set(key(state), JSON.stringify(flow), 'EX', GOOGLE_FLOW_TTL_SECONDS));
}

/** Returns the flow and deletes it in one step: a replayed callback finds nothing. */
export async function takeGoogleSignInFlow(
  redis: Redis,
  state: string,
): Promise<GoogleSignInFlow | undefined> {
  const stored = await withRedis(() => redis.getdel(key(state)));
  return stored ? (JSON.parse(stored) as GoogleSignInFlow) : undefined;
}
