import { z } from 'zod';
import { grantFor, type Permission } from '@teamflow/contracts/permissions';
import { findMembershipByScope, type ScopeKind } from '@teamflow/core/workspaces/access.repository';
import type { ApiDeps } from '../deps';

// Room kind → the scope that finds its workspace and the permission needed to listen in.
const ROOM_KINDS: Record<string, { scope: ScopeKind; permission: Permission }> = {
  workspace: { scope: 'workspace', permission: 'workspace.read' },
  project: { scope: 'project', permission: 'project.read' },
  task: { scope: 'task', permission: 'task.read' },
  sprint: { scope: 'sprint', permission: 'sprint.read' },
};

export const JoinRequest = z.array(z.string().max(100)).max(50);

export const userRoom = (userId: string): string => `user:${userId}`;

/** The workspace behind a room the user may read, or undefined (unknown room, stranger, no permission). */
export async function authorizeRoom(
  deps: ApiDeps,
  userId: string,
  room: string,
): Promise<{ workspaceId: string; userName: string } | undefined> {
  const [kind, id, ...rest] = room.split(':');
  const spec = kind ? ROOM_KINDS[kind] : undefined;
  if (!spec || rest.length > 0 || !z.uuid().safeParse(id).success) return undefined;
  const membership = await findMembershipByScope(deps.db, spec.scope, id!, userId);
  if (!membership || !grantFor(membership.role, spec.permission)) return undefined;
  return { workspaceId: membership.workspaceId, userName: membership.userName };
}

/** Where an event goes: its workspace, plus the project, task or sprint it concerns. */
export function roomsFor(
  event: { workspaceId: string; type?: string; entityId?: string },
  projectId: string | null,
  taskId: string | null,
): string[] {
  const rooms = [`workspace:${event.workspaceId}`];
  if (projectId) rooms.push(`project:${projectId}`);
  if (taskId) rooms.push(`task:${taskId}`);
  if (event.type === 'SPRINT_UPDATED' && event.entityId) rooms.push(`sprint:${event.entityId}`);
  return rooms;
}
