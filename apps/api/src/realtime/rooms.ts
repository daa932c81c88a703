import { z } from 'zod';
import { eventAudience, rooms, type ServerEvent } from '@teamflow/contracts/events';
import { grantFor, type Permission } from '@teamflow/contracts/permissions';
import { findMembership } from '@teamflow/core/workspaces/find-membership';
import type { ScopeKind } from '@teamflow/core/workspaces/scope';
import type { ApiDeps } from '../deps';

// Room kind → the scope that finds its workspace and the permission needed to listen in.
const ROOM_KINDS: Record<string, { scope: ScopeKind; permission: Permission }> = {
  workspace: { scope: 'workspace', permission: 'workspace.read' },
  project: { scope: 'project', permission: 'project.read' },
  task: { scope: 'task', permission: 'task.read' },
  sprint: { scope: 'sprint', permission: 'sprint.read' },
};

export const JoinRequest = z.array(z.string().max(100)).max(50);

/** The workspace behind a room the user may read, or undefined (unknown room, stranger, no permission). */
export async function authorizeRoom(
  deps: ApiDeps,
  userId: string,
  room: string,
): Promise<{ workspaceId: string; userName: string } | undefined> {
  const [kind, id, ...rest] = room.split(':');
  const spec = kind ? ROOM_KINDS[kind] : undefined;
  if (!spec || rest.length > 0 || !z.uuid().safeParse(id).success) return undefined;
  const membership = await findMembership(deps, { kind: spec.scope, id: id! }, userId);
  if (!membership || !grantFor(membership.role, spec.permission)) return undefined;
  return { workspaceId: membership.workspaceId, userName: membership.userName };
}

/**
 * Where an event goes, from its audience in the catalogue: a personal event only to its
 * recipient's room; a workspace event to the workspace, the project and task of the change, and
 * any rooms its data names (a sprint's room, a joining or leaving member's own room).
 */
export function eventRooms(event: ServerEvent, projectId: string | null, taskId: string | null): string[] {
  const audience = eventAudience(event.type);
  if (audience.kind === 'user') return [rooms.user(audience.userId(event.data))];
  const targets = [rooms.workspace(event.workspaceId)];
  if (projectId) targets.push(rooms.project(projectId));
  if (taskId) targets.push(rooms.task(taskId));
  targets.push(...(audience.extraRooms?.(event.data) ?? []));
  return targets;
}
