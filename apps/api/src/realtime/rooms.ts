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

// One `join` checks at most this many names (each a query); any more are denied unchecked.
const MAX_ROOMS_PER_JOIN = 50;
const MAX_ROOM_NAME = 100;

/**
 * The room names of a `join`/`leave`, in order, however the client sent them (an array, one name,
 * or several arguments). A name that cannot be a room (not a string, too long, past the limit)
 * comes back as sent with `valid: false`, so the ack denies it alone rather than the whole request.
 */
export function requestedRooms(args: unknown[]): Array<{ name: string; valid: boolean }> {
  let valid = 0;
  return args.flat().map((value) => {
    if (typeof value !== 'string') return { name: JSON.stringify(value) ?? String(value), valid: false };
    const ok = value.length <= MAX_ROOM_NAME && valid < MAX_ROOMS_PER_JOIN;
    if (ok) valid += 1;
    return { name: value, valid: ok };
  });
}

/** `kind:{uuid}` with the id in its canonical (lower-case) form, as events name rooms; else undefined. */
export function canonicalRoom(room: string): { kind: string; id: string; name: string } | undefined {
  const [kind, id, ...rest] = room.split(':');
  if (!kind || rest.length > 0 || !z.uuid().safeParse(id).success) return undefined;
  const canonical = id!.toLowerCase();
  return { kind, id: canonical, name: `${kind}:${canonical}` };
}

/**
 * The workspace behind a room the user may read, or undefined (unknown room, stranger, no
 * permission), with the room's canonical name: an upper-case id would join a room no event reaches.
 */
export async function authorizeRoom(
  deps: ApiDeps,
  userId: string,
  room: string,
): Promise<{ room: string; workspaceId: string; userName: string } | undefined> {
  const parsed = canonicalRoom(room);
  const spec = parsed && Object.hasOwn(ROOM_KINDS, parsed.kind) ? ROOM_KINDS[parsed.kind] : undefined;
  if (!parsed || !spec) return undefined;
  const membership = await findMembership(deps, { kind: spec.scope, id: parsed.id }, userId);
  if (!membership || !grantFor(membership.role, spec.permission)) return undefined;
  return { room: parsed.name, workspaceId: membership.workspaceId, userName: membership.userName };
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
