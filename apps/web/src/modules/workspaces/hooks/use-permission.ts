'use client';

import { can, type Permission } from '@teamflow/contracts/permissions';
import { useWorkspace } from './use-workspaces';

/** Whether the caller's role in this workspace grants the permission (read from the contracts' table). */
export function useCan(workspaceId: string, permission: Permission): boolean {
  const { workspace } = useWorkspace(workspaceId);
  return workspace ? can(workspace.role, permission) : false;
}
