import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../platform/context';
import type { Redis } from '../platform/redis';
import { withRedis } from '../platform/redis';
import { memberIds } from './workspaces.repository';

/**
 * A user's access stamp: a random value in Redis that changes whenever what they may reach
 * changes (role, removal, sign-out, a project or workspace going away). Cached memberships
 * (`access-cache.ts`) are only trusted while the stamp they were read under is still current,
 * so every api instance drops them on the next request, not after a TTL.
 */
export const accessStampKey = (userId: string) => `acl:stamp:${userId}`;

// Far longer than a cache entry lives (ACCESS_CACHE_TTL_MS): an expired stamp reads as null, so
// entries stored under it miss; an entry stored under null (no stamp yet) is long gone by then.
const STAMP_TTL_SECONDS = 24 * 3600;

/** Invalidates every cached membership of these users, on every api instance. Call after the commit. */
export async function renewAccessStamps(redis: Redis, userIds: readonly string[]): Promise<void> {
  if (!userIds.length) return;
  // One SET per user side by side, not a pipeline: on a Redis Cluster the keys live in many slots.
  await withRedis(() =>
    Promise.all(
      [...new Set(userIds)].map((userId) =>
        redis.set(accessStampKey(userId), randomUUID(), 'EX', STAMP_TTL_SECONDS),
      ),
    ),
  );
}

/** Renews the stamp of everyone in a workspace: it, or one of its projects, changed for all of them. */
export async function renewWorkspaceAccessStamps(
  deps: Pick<CoreDeps, 'db' | 'redis'>,
  workspaceId: string,
): Promise<void> {
  await renewAccessStamps(deps.redis, await memberIds(deps.db, workspaceId));
}
