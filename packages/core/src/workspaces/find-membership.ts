import type { Role } from '@teamflow/contracts/permissions';
import type { CoreDeps } from '../platform/context';
import { findMembershipByScope } from './access.repository';
import type { ScopeKind } from './scope';

export interface Membership {
  workspaceId: string;
  role: Role;
  userName: string;
  /** The workspace's IANA zone. */
  timeZone: string;
}

/** The caller's membership in the workspace behind a resource; undefined for strangers and missing resources. */
export async function findMembership(
  deps: Pick<CoreDeps, 'db'>,
  scope: { kind: ScopeKind; id: string },
  userId: string,
): Promise<Membership | undefined> {
  return findMembershipByScope(deps.db, scope.kind, scope.id, userId);
}
