import { z } from 'zod';
import { Blocker } from './blockers';
import { Attachment } from './attachments';
import { Comment } from './comments';
import { Decision } from './decisions';
import { DigestReady } from './digests';
import { Incident } from './incidents';
import { DevelopmentLink } from './integrations';
import { Id, Timestamp } from './common';
import { Label } from './labels';
import { Notification } from './notifications';
import { Role } from './permissions';
import { AchievementUnlocked, LevelUp, XpAwarded } from './progress';
import { ProjectImported } from './project-import-export';
import { Project } from './projects';
import { Sprint } from './sprints';
import { PublicStatusUpdate } from './status-updates';
import { Task } from './tasks';
import { WorklogEntryAnalysed, WorklogEntryWritten, WorklogExportUpdated } from './worklog';

/** Room names, as clients `join` them (API.md, Realtime). */
export const rooms = {
  workspace: (id: string) => `workspace:${id}`,
  project: (id: string) => `project:${id}`,
  task: (id: string) => `task:${id}`,
  sprint: (id: string) => `sprint:${id}`,
  user: (id: string) => `user:${id}`,
} as const;

/**
 * Who hears an event.
 * - `workspace`: the workspace's room plus the project/task rooms of the change it records (and
 *   any `extraRooms` of its data). Takes the workspace's next seq and is replayed by
 *   `GET /workspaces/:id/activity?since=` through the activity row written with it.
 * - `user`: only `user:{id}`. Personal: no workspace seq (it goes out with seq 0, so members never
 *   see a gap in the sequence they follow), no activity row, never replayed.
 */
export type EventAudience<D> =
  { kind: 'workspace'; extraRooms?: (data: D) => string[] } | { kind: 'user'; userId: (data: D) => string };

export interface EventDefinition<S extends z.ZodType = z.ZodType> {
  data: S;
  audience: EventAudience<z.infer<S>>;
}

function defineEvent<S extends z.ZodType>(def: EventDefinition<S>): EventDefinition<S> {
  return def;
}

const workspaceWide = { kind: 'workspace' } as const;
const TaskRef = z.object({ id: Id, projectId: Id });
const TaskDependency = z.object({ taskId: Id, dependsOnTaskId: Id, projectId: Id });
const MemberJoined = z.object({ userId: Id, name: z.string(), role: Role });
const WorkspaceSummary = z.object({ id: Id, name: z.string(), slug: z.string() });

/**
 * Every event that travels through the outbox, defined once: its type (the key), the schema of
 * its `data`, and its audience. `emitEvent` (core/events) writes them, the relay and the realtime
 * fan-out route them by audience, and the web client narrows `ServerEvent` on `type`.
 */
export const EVENTS = {
  TASK_CREATED: defineEvent({ data: Task, audience: workspaceWide }),
  TASK_UPDATED: defineEvent({ data: Task, audience: workspaceWide }),
  TASK_MOVED: defineEvent({ data: Task, audience: workspaceWide }),
  TASK_DELETED: defineEvent({ data: TaskRef, audience: workspaceWide }),
  TASK_DEPENDENCY_ADDED: defineEvent({ data: TaskDependency, audience: workspaceWide }),
  TASK_DEPENDENCY_REMOVED: defineEvent({ data: TaskDependency, audience: workspaceWide }),
  COMMENT_CREATED: defineEvent({ data: Comment, audience: workspaceWide }),
  COMMENT_UPDATED: defineEvent({ data: Comment, audience: workspaceWide }),
  COMMENT_DELETED: defineEvent({ data: z.object({ id: Id, taskId: Id }), audience: workspaceWide }),
  SPRINT_UPDATED: defineEvent({
    data: Sprint,
    audience: { kind: 'workspace', extraRooms: (sprint) => [rooms.sprint(sprint.id)] },
  }),
  PROJECT_CREATED: defineEvent({ data: Project, audience: workspaceWide }),
  PROJECT_UPDATED: defineEvent({ data: Project, audience: workspaceWide }),
  PROJECT_DELETED: defineEvent({ data: z.object({ id: Id }), audience: workspaceWide }),
  // One event for a whole import (up to 10,000 tasks): clients refetch the project's tasks.
  PROJECT_IMPORTED: defineEvent({ data: ProjectImported, audience: workspaceWide }),
  WORKSPACE_CREATED: defineEvent({ data: WorkspaceSummary, audience: workspaceWide }),
  WORKSPACE_UPDATED: defineEvent({ data: WorkspaceSummary, audience: workspaceWide }),
  WORKSPACE_DELETED: defineEvent({ data: z.object({ id: Id }), audience: workspaceWide }),
  MEMBER_INVITED: defineEvent({
    data: z.object({ invitationId: Id, email: z.string(), role: Role }),
    audience: workspaceWide,
  }),
  INVITATION_REVOKED: defineEvent({ data: z.object({ invitationId: Id }), audience: workspaceWide }),
  // The member's own room too: their other tabs learn of the new workspace, or of losing it.
  MEMBER_JOINED: defineEvent({
    data: MemberJoined,
    audience: { kind: 'workspace', extraRooms: (m) => [rooms.user(m.userId)] },
  }),
  MEMBER_UPDATED: defineEvent({ data: z.object({ userId: Id, role: Role }), audience: workspaceWide }),
  MEMBER_REMOVED: defineEvent({
    data: z.object({ userId: Id }),
    audience: { kind: 'workspace', extraRooms: (m) => [rooms.user(m.userId)] },
  }),
  LABEL_CREATED: defineEvent({ data: Label, audience: workspaceWide }),
  LABEL_DELETED: defineEvent({ data: z.object({ id: Id }), audience: workspaceWide }),
  // Async updates. A status update travels without its mood (only the author ever sees that).
  STATUS_UPDATE_POSTED: defineEvent({ data: PublicStatusUpdate, audience: workspaceWide }),
  STATUS_UPDATE_UPDATED: defineEvent({ data: PublicStatusUpdate, audience: workspaceWide }),
  STATUS_UPDATE_DELETED: defineEvent({
    data: z.object({ id: Id, userId: Id, date: z.iso.date() }),
    audience: workspaceWide,
  }),
  // Opened, acknowledged, resolved or escalated (the activity's action says which).
  BLOCKER_UPDATED: defineEvent({ data: Blocker, audience: workspaceWide }),
  // Declared or changed; `status: 'resolved'` with `commanderId` is what the resolving commander earns by.
  INCIDENT_UPDATED: defineEvent({ data: Incident, audience: workspaceWide }),
  // Recorded or changed; `status: 'accepted'` with `createdBy` and `deciderIds` names who decided.
  DECISION_UPDATED: defineEvent({ data: Decision, audience: workspaceWide }),
  DIGEST_READY: defineEvent({ data: DigestReady, audience: workspaceWide }),
  // Added, and again when its scan finishes (clean or infected): the task's room follows the badge.
  ATTACHMENT_UPDATED: defineEvent({ data: Attachment, audience: workspaceWide }),
  // A GitHub commit or pull request that mentions the task was linked, or its state changed.
  TASK_DEVELOPMENT_UPDATED: defineEvent({ data: DevelopmentLink, audience: workspaceWide }),
  ATTACHMENT_DELETED: defineEvent({ data: z.object({ id: Id, taskId: Id }), audience: workspaceWide }),
  NOTIFICATION: defineEvent({
    data: z.object({ userId: Id, notification: Notification }),
    audience: { kind: 'user', userId: (n) => n.userId },
  }),
  XP_AWARDED: defineEvent({ data: XpAwarded, audience: { kind: 'user', userId: (d) => d.userId } }),
  LEVEL_UP: defineEvent({ data: LevelUp, audience: { kind: 'user', userId: (d) => d.userId } }),
  ACHIEVEMENT_UNLOCKED: defineEvent({
    data: AchievementUnlocked,
    audience: { kind: 'user', userId: (d) => d.userId },
  }),
  // The work log is personal: its events reach only the author (and are never replayed). They
  // carry no workspace, so their envelope's workspaceId is NO_WORKSPACE.
  WORKLOG_ENTRY_WRITTEN: defineEvent({
    data: WorklogEntryWritten,
    audience: { kind: 'user', userId: (e) => e.userId },
  }),
  WORKLOG_ENTRY_ANALYSED: defineEvent({
    data: WorklogEntryAnalysed,
    audience: { kind: 'user', userId: (e) => e.userId },
  }),
  WORKLOG_EXPORT_UPDATED: defineEvent({
    data: WorklogExportUpdated,
    audience: { kind: 'user', userId: (e) => e.userId },
  }),
} satisfies Record<string, EventDefinition>;

/** The envelope's workspaceId for personal events that belong to no workspace (the work log). */
export const NO_WORKSPACE = '00000000-0000-0000-0000-000000000000';

type Catalogue = typeof EVENTS;
export type EventType = keyof Catalogue;
export const EventType = z.enum(Object.keys(EVENTS) as [EventType, ...EventType[]]);
export type EventData<K extends EventType> = z.infer<Catalogue[K]['data']>;

export const EventActor = z.object({ id: Id, name: z.string() });
export type EventActor = z.infer<typeof EventActor>;

const envelope = {
  workspaceId: Id,
  entityId: Id,
  actor: EventActor.nullable(),
  version: z.number().int().optional(),
  at: Timestamp,
  seq: z.number().int(),
};
type Envelope = z.infer<z.ZodObject<typeof envelope>>;

/** Events of the given types as the realtime layer emits them: a union on `type`, which narrows `data`. */
export type ServerEventOf<K extends EventType> = { [P in K]: Envelope & { type: P; data: EventData<P> } }[K];
export type ServerEvent = ServerEventOf<EventType>;
/** As written to the outbox: everything but `seq`, which the relay assigns when it publishes. */
export type UnpublishedEvent = { [K in EventType]: Omit<ServerEventOf<K>, 'seq'> }[EventType];

const eventSchemas = Object.entries(EVENTS).map(([type, def]) =>
  z.object({ type: z.literal(type), data: def.data, ...envelope }),
);
export const ServerEvent = z.discriminatedUnion(
  'type',
  eventSchemas as [(typeof eventSchemas)[number], ...(typeof eventSchemas)[number][]],
) as unknown as z.ZodType<ServerEvent>;

export function eventAudience<K extends EventType>(type: K): EventAudience<EventData<K>> {
  return EVENTS[type].audience as EventAudience<EventData<K>>;
}

/** Personal events (audience `user`) take no workspace seq and are never replayed. */
export function isPersonalEvent(type: string): boolean {
  return type in EVENTS && EVENTS[type as EventType].audience.kind === 'user';
}

/** Workspace events carry the gap-free per-workspace seq a client follows and catches up on. */
export function isWorkspaceEvent(type: string): type is EventType {
  return type in EVENTS && EVENTS[type as EventType].audience.kind === 'workspace';
}

/**
 * Presence is not part of the event stream: never stored or replayed. It travels in the same
 * envelope as every server event, with seq 0 like a personal event (outside the workspace sequence
 * a client follows).
 */
export const PresenceEvent = z.object({
  type: z.enum(['USER_ONLINE', 'USER_OFFLINE']),
  workspaceId: Id,
  entityId: Id,
  data: z.object({ userId: Id }),
  actor: EventActor.nullable(),
  at: Timestamp,
  seq: z.literal(0),
});
export type PresenceEvent = z.infer<typeof PresenceEvent>;

/**
 * Who is looking at a project or task room right now (users with a socket in it, on any
 * instance). Sent to the room when someone joins or leaves it; not part of the event stream, so,
 * like presence, seq 0. `entityId` is the project or task; a recount is nobody's change (no actor).
 */
export const RoomViewersEvent = z.object({
  type: z.literal('ROOM_VIEWERS'),
  workspaceId: Id,
  entityId: Id,
  data: z.object({ room: z.string(), userIds: z.array(Id) }),
  actor: EventActor.nullable(),
  at: Timestamp,
  seq: z.literal(0),
});
export type RoomViewersEvent = z.infer<typeof RoomViewersEvent>;
