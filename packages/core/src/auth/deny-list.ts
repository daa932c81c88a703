import type { Redis } from '../platform/redis';
import { withRedis } from '../platform/redis';

/** The Redis key that deny-lists an access token (read with the access stamp in `session-state.ts`). */
export const deniedTokenKey = (jti: string) => `auth:deny:${jti}`;

/** Deny-lists an access token until it would have expired anyway. */
export async function denyAccessToken(redis: Redis, jti: string, expiresAtSeconds: number): Promise<void> {
  const ttl = Math.max(1, expiresAtSeconds - Math.floor(Date.now() / 1000));
  await withRedis(() => redis.set(deniedTokenKey(jti), '1', 'EX', ttl));
}

export async function isAccessTokenDenied(redis: Redis, jti: string): Promise<boolean> {
  return (await withRedis(() => redis.exists(deniedTokenKey(jti)))) === 1;
}
