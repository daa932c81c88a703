import type { ScopeKind } from './scope';
import type { Membership } from './find-membership';

// A backstop only: entries are dropped by a changed access stamp (see access-stamp.ts) at once.
export const ACCESS_CACHE_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

// Only scopes whose answer changes through a stamped event: a workspace or project going away
// renews its members' stamps. Tasks, comments and the rest are deleted without one, so they
// are always read from the database.
const CACHED_SCOPES: ReadonlySet<ScopeKind> = new Set<ScopeKind>(['workspace', 'project']);

interface Entry {
  membership: Membership;
  stamp: string | null;
  expiresAt: number;
}

/**
 * Memberships this process resolved recently, per (user, scope). A hit is used only when the
 * user's access stamp read in this request equals the one it was stored under. Strangers (no
 * membership) are never cached.
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();

  static caches(kind: ScopeKind): boolean {
    return CACHED_SCOPES.has(kind);
  }

  get(userId: string, scope: { kind: ScopeKind; id: string }, stamp: string | null): Membership | undefined {
    const id = `${userId}|${scope.kind}|${scope.id}`;
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.stamp !== stamp || entry.expiresAt <= Date.now()) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.membership;
  }

  /** `stamp` must have been read before the membership was (so a change in between is noticed). */
  set(
    userId: string,
    scope: { kind: ScopeKind; id: string },
    stamp: string | null,
    membership: Membership,
  ): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(`${userId}|${scope.kind}|${scope.id}`, {
      membership,
      stamp,
      expiresAt: Date.now() + ACCESS_CACHE_TTL_MS,
    });
  }
}
