import type { Role } from '@teamflow/contracts/permissions';
import type { CoreDeps } from '../platform/context';
import { findMembershipByScope } from './access.repository';
import { AccessCache } from './access-cache';
import type { ScopeKind } from './scope';

export interface Membership {
  workspaceId: string;
  role: Role;
  userName: string;
  /** The workspace's IANA zone. */
  timeZone: string;
}

/** A per-process cache and the caller's access stamp, read (from Redis) earlier in this request. */
export interface CachedAccess {
  cache: AccessCache;
  stamp: string | null;
}

/**
 * The caller's membership in the workspace behind a resource; undefined for strangers and missing
 * resources. With `cached`, a workspace or project answer may come from this process's cache.
 */
export async function findMembership(
  deps: Pick<CoreDeps, 'db'>,
  scope: { kind: ScopeKind; id: string },
  userId: string,
  cached?: CachedAccess,
): Promise<Membership | undefined> {
  if (!cached || !AccessCache.caches(scope.kind))
    return findMembershipByScope(deps.db, scope.kind, scope.id, userId);
  const hit = cached.cache.get(userId, scope, cached.stamp);
  if (hit) return hit;
  const membership = await findMembershipByScope(deps.db, scope.kind, scope.id, userId);
  if (membership) cached.cache.set(userId, scope, cached.stamp, membership);
  return membership;
}
