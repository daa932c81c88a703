import type { Redis } from '../platform/redis';
import { withRedis } from '../platform/redis';
import { accessStampKey } from '../workspaces/access-stamp';
import { deniedTokenKey } from './deny-list';

/**
 * What a request needs from Redis about its session, sent side by side (one round trip): is the
 * access token deny-listed (skipped for personal API tokens: `jti` undefined), and the user's
 * current access stamp (which cached memberships must match). Single-key commands, not a
 * pipeline: on a Redis Cluster the two keys live in different slots.
 */
export async function readSessionState(
  redis: Redis,
  userId: string,
  jti: string | undefined,
): Promise<{ denied: boolean; accessStamp: string | null }> {
  return withRedis(async () => {
    const [denied, accessStamp] = await Promise.all([
      jti === undefined ? 0 : redis.exists(deniedTokenKey(jti)),
      redis.get(accessStampKey(userId)),
    ]);
    return { denied: denied === 1, accessStamp };
  });
}
