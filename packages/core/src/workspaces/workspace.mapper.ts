import type { Role } from '@teamflow/contracts/permissions';
import type { Invitation, Workspace } from '@teamflow/contracts/workspaces';
import type { InvitationRow, WorkspaceRow } from './workspaces.repository';

export function toWorkspace(row: WorkspaceRow, role: Role): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    role,
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    email: row.email,
    role: row.role as Invitation['role'],
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}
