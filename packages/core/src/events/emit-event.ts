import { randomUUID } from 'node:crypto';
import { EVENTS, type EventData, type EventType, type UnpublishedEvent } from '@teamflow/contracts/events';
import type { DbOrTx } from '@teamflow/db/client';
import type { Actor } from '../platform/context';
import { insertOutboxEntries, type OutboxEntry } from './outbox.repository';

/** What the change's history row says: "Ana moved TF-12", with the fields that changed. */
export interface ActivityInput {
  entityType: string;
  action: string;
  changes?: Record<string, unknown>;
}

export interface EventMeta {
  workspaceId: string;
  entityId: string;
  /** Null for changes nobody made (schedules, integrations). */
  actor: Actor | null;
  version?: number;
  /** The project and task the change concerns: their rooms hear it and their timelines list it. */
  projectId?: string | null;
  taskId?: string | null;
  /** Required for workspace events: the activity row is their history and what `?since=` replays. */
  activity?: ActivityInput;
}

export type EventInput = { [K in EventType]: { type: K; data: EventData<K>; meta: EventMeta } }[EventType];

/**
 * An event as the outbox row (and activity row) it becomes. `emitEvents` writes these; a change
 * written in one statement together with its event (`writeNewTask`) passes it to its repository.
 */
export function outboxEntry({ type, data, meta }: EventInput, at: Date): OutboxEntry {
  const audience = EVENTS[type].audience.kind;
  if (audience === 'workspace' && !meta.activity)
    throw new Error(`${type} is a workspace event: it needs an activity (its history and replay)`);
  const payload = {
    type,
    workspaceId: meta.workspaceId,
    entityId: meta.entityId,
    data,
    actor: meta.actor && { id: meta.actor.id, name: meta.actor.name },
    ...(meta.version !== undefined ? { version: meta.version } : {}),
    at: at.toISOString(),
  } as UnpublishedEvent;
  const activity =
    audience === 'workspace' && meta.activity
      ? {
          id: randomUUID(),
          projectId: meta.projectId ?? null,
          taskId: meta.taskId ?? null,
          entityType: meta.activity.entityType,
          action: meta.activity.action,
          changes: meta.activity.changes ?? {},
        }
      : null;
  return { payload, activity };
}

/**
 * Records events in the caller's transaction: the way anything reaches the outbox (and, for
 * workspace events, the activity history); the one other is a task create, whose statement writes
 * its `outboxEntry` itself (`writeNewTask`). They are published when the transaction commits,
 * so a change and its events are never apart.
 */
export async function emitEvents(tx: DbOrTx, events: EventInput[]): Promise<void> {
  const at = new Date();
  await insertOutboxEntries(
    tx,
    events.map((event) => outboxEntry(event, at)),
    at,
  );
}

/** One event of the catalogue, with its typed data (see `EVENTS` in contracts/events). */
export async function emitEvent<K extends EventType>(
  tx: DbOrTx,
  type: K,
  data: EventData<K>,
  meta: EventMeta,
): Promise<void> {
  await emitEvents(tx, [{ type, data, meta } as EventInput]);
}
