import { z } from 'zod';
import { Id, Timestamp } from './common';

export const EventType = z.enum([
  'TASK_CREATED',
  'TASK_UPDATED',
  'TASK_MOVED',
  'TASK_DELETED',
  'COMMENT_CREATED',
  'COMMENT_UPDATED',
  'COMMENT_DELETED',
  'SPRINT_UPDATED',
  'PROJECT_CREATED',
  'PROJECT_UPDATED',
  'PROJECT_DELETED',
  'WORKSPACE_UPDATED',
  'MEMBER_INVITED',
  'MEMBER_JOINED',
  'MEMBER_UPDATED',
  'MEMBER_REMOVED',
  'LABEL_CREATED',
  'LABEL_DELETED',
  'USER_ONLINE',
  'USER_OFFLINE',
  'NOTIFICATION',
]);
export type EventType = z.infer<typeof EventType>;

/** What the realtime layer emits; the outbox stores everything but `seq`, which the relay assigns. */
export const ServerEvent = z.object({
  type: EventType,
  workspaceId: Id,
  entityId: Id,
  data: z.record(z.string(), z.unknown()),
  actor: z.object({ id: Id, name: z.string() }).nullable(),
  version: z.number().int().optional(),
  at: Timestamp,
  seq: z.number().int(),
});
export type ServerEvent = z.infer<typeof ServerEvent>;

/** Presence is not part of the event stream: it carries no seq and is never replayed. */
export const PresenceEvent = ServerEvent.omit({ seq: true, version: true }).extend({
  type: z.enum(['USER_ONLINE', 'USER_OFFLINE']),
});
export type PresenceEvent = z.infer<typeof PresenceEvent>;

/**
 * Who is looking at a project or task room right now (users with a socket in it, on any
 * instance). Sent to the room when someone joins or leaves it; not part of the event stream.
 */
export const RoomViewersEvent = z.object({
  type: z.literal('ROOM_VIEWERS'),
  room: z.string(),
  userIds: z.array(Id),
});
export type RoomViewersEvent = z.infer<typeof RoomViewersEvent>;
