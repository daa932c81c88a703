import type { Role } from '@teamflow/contracts/permissions';
import { conflict, forbidden } from '../platform/errors';

/**
 * Member management rules beyond the permission table: only an owner touches an owner or makes
 * one, and the last owner can neither be demoted nor leave.
 */
export function assertMayChangeRole(
  actorRole: Role,
  targetRole: Role,
  newRole: Role,
  ownerCount: number,
): void {
  if ((targetRole === 'owner' || newRole === 'owner') && actorRole !== 'owner') {
    throw forbidden('Only an owner can change an owner or appoint one');
  }
  if (targetRole === 'owner' && newRole !== 'owner' && ownerCount <= 1) {
    throw conflict('The last owner cannot be demoted; appoint another owner first');
  }
}

export function assertMayRemove(
  actorRole: Role,
  isSelf: boolean,
  targetRole: Role,
  ownerCount: number,
): void {
  if (!isSelf && actorRole !== 'owner' && actorRole !== 'admin') throw forbidden();
  if (!isSelf && targetRole === 'owner' && actorRole !== 'owner')
    throw forbidden('Only an owner can remove an owner');
  if (targetRole === 'owner' && ownerCount <= 1) {
    throw conflict('The last owner cannot leave; appoint another owner first');
  }
}
