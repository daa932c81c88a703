import type { Redis } from '../platform/redis';
import { withRedis } from '../platform/redis';
import { accessStampKey } from '../workspaces/access-stamp';
import { deniedTokenKey } from './deny-list';

/**
 * What a request needs from Redis about its session, in ONE pipeline (one write, one read): is
 * the access token deny-listed (skipped for personal API tokens: `jti` undefined), and the
 * user's current access stamp (which cached memberships must match).
 */
export async function readSessionState(
  redis: Redis,
  userId: string,
  jti: string | undefined,
): Promise<{ denied: boolean; accessStamp: string | null }> {
  const pipeline = redis.pipeline();
  if (jti !== undefined) pipeline.exists(deniedTokenKey(jti));
  pipeline.get(accessStampKey(userId));
  // A pipeline reports each command's failure in its reply: inside withRedis, so Redis being away
  // is a 503 like any other Redis call.
  const values = await withRedis(async () =>
    ((await pipeline.exec()) ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    }),
  );
  return {
    denied: jti !== undefined && values[0] === 1,
    accessStamp: (values[values.length - 1] as string | null | undefined) ?? null,
  };
}
