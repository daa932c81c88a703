import { randomUUID } from 'node:crypto';
import type { ActivityAction, ActivityChanges, ActivityEntityType } from '@teamflow/contracts/activity';
import { EVENTS, type EventData, type EventType, type UnpublishedEvent } from '@teamflow/contracts/events';
import type { DbOrTx } from '@teamflow/db/client';
import type { Actor } from '../platform/context';
import { insertOutboxEntries, type ActivityRecord, type OutboxEntry } from './outbox.repository';

/**
 * What the change's history row says: "Ana moved TF-12", with the fields that changed. One entry of
 * the catalogue (`ACTIVITIES` in contracts/activity): its changes are the shape listed for the
 * pair, and may be left out (stored as `{}`) only where that shape has no required field.
 */
export type ActivityInput = {
  [E in ActivityEntityType]: {
    [A in ActivityAction<E>]: { entityType: E; action: A } & ChangesOf<ActivityChanges<E, A>>;
  }[ActivityAction<E>];
}[ActivityEntityType];

// Changes with no required field (`{}` is such changes) may be left out.
type ChangesOf<C> = Record<never, never> extends C ? { changes?: C } : { changes: C };

/**
 * The changes a shared recorder (`recordBlockerChange`…) is given for one action: the shape the
 * catalogue lists, without the fields it fills in itself (each member of a union alike).
 */
export type ActivityChangesWithout<
  E extends ActivityEntityType,
  A extends ActivityAction<E>,
  K extends string,
> = ActivityChanges<E, A> extends infer C ? (C extends unknown ? Omit<C, K> : never) : never;

/**
 * One catalogue entry, for a recorder that is generic in the action (as `emitEvent` is in the
 * type): the signature ties `changes` to the pair, which TypeScript cannot follow into the union.
 */
export function activity<E extends ActivityEntityType, A extends ActivityAction<E>>(
  entityType: E,
  action: A,
  changes: ActivityChanges<E, A>,
): ActivityInput {
  return { entityType, action, changes } as ActivityInput;
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
  // Changes are left out only where the entry's shape has no required field: `{}` is that shape.
  const record =
    audience === 'workspace' && meta.activity
      ? ({
          id: randomUUID(),
          projectId: meta.projectId ?? null,
          taskId: meta.taskId ?? null,
          ...meta.activity,
          changes: meta.activity.changes ?? {},
        } as ActivityRecord)
      : null;
  return { payload, activity: record };
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
