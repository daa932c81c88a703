import type { NotificationData, NotificationType } from '@teamflow/contracts/notifications';
import type { Tx } from '@teamflow/db/client';
import { emitEvents } from '../events/emit-event';
import type { CoreDeps } from '../platform/context';
import { toNotification } from './notification.mapper';
import { insertNewNotifications, membersAmong, type NewNotification } from './notifications.repository';
import { preferencesFor } from './preferences-for';

export interface Intent {
  userId: string;
  type: NotificationType;
  dedupeKey: string;
  data: NotificationData;
}

/** Keeps members other than the actor who want this type in the app. */
async function wanted(
  deps: Pick<CoreDeps, 'db'>,
  workspaceId: string,
  actorId: string | null,
  all: Intent[],
) {
  const candidates = all.filter((i) => i.userId !== actorId);
  const members = new Set(
    await membersAmong(deps.db, workspaceId, [...new Set(candidates.map((i) => i.userId))]),
  );
  const kept: Intent[] = [];
  for (const type of new Set(candidates.map((i) => i.type))) {
    const ofType = candidates.filter((i) => i.type === type && members.has(i.userId));
    const prefs = await preferencesFor(
      deps.db,
      ofType.map((i) => i.userId),
      type,
    );
    kept.push(...ofType.filter((i) => prefs.get(i.userId)?.inApp !== false));
  }
  return kept;
}

/** Writes intents as notifications plus their realtime events, in one transaction; returns how many are new. */
export async function writeNotifications(
  deps: Pick<CoreDeps, 'db'>,
  workspaceId: string,
  taskId: string | null,
  actor: { id: string; name: string } | null,
  all: Intent[],
  options: {
    /**
     * Runs first in the writing transaction; false means this work was done before (a job from
     * the outbox that already ran: `claimStagedJob`), and nothing is written.
     */
    claim?: (tx: Tx) => Promise<boolean>;
  } = {},
): Promise<number> {
  const keep = await wanted(deps, workspaceId, actor?.id ?? null, all);
  const rows: NewNotification[] = keep.map((i) => ({
    workspaceId,
    userId: i.userId,
    type: i.type,
    taskId,
    actorId: actor?.id ?? null,
    data: i.data,
    dedupeKey: i.dedupeKey,
  }));
  const inserted = await deps.db.transaction(async (tx) => {
    if (options.claim && !(await options.claim(tx))) return [];
    const written = await insertNewNotifications(tx, rows);
    await emitEvents(
      tx,
      written.map((row) => ({
        type: 'NOTIFICATION',
        data: { userId: row.userId, notification: toNotification(row) },
        meta: { workspaceId: row.workspaceId, entityId: row.id, actor },
      })),
    );
    return written;
  });
  return inserted.length;
}
