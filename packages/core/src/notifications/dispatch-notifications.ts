import type { NotificationData, NotificationType } from '@teamflow/contracts/notifications';
import type { JobPayload } from '@teamflow/queue/define-job';
import type { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { emitEvents } from '../events/emit-event';
import type { CoreDeps } from '../platform/context';
import { excerpt, toNotification } from './notification.mapper';
import {
  findLiveCommentBody,
  findTaskContext,
  insertNewNotifications,
  membersAmong,
  taskFollowers,
  userName,
  type NewNotification,
  type TaskContext,
} from './notifications.repository';
import { preferencesFor } from './preferences';

type DispatchPayload = JobPayload<typeof dispatchNotificationsJob>;

interface Intent {
  userId: string;
  type: NotificationType;
  dedupeKey: string;
  data: NotificationData;
}

function taskData(task: TaskContext, actorName: string | undefined): NotificationData {
  return { taskKey: task.key, taskTitle: task.title, projectId: task.projectId, actorName };
}

/** Who should hear of the change, and what; a user appears once (a mention beats "commented"). */
async function intents(
  deps: Pick<CoreDeps, 'db'>,
  payload: DispatchPayload,
  task: TaskContext,
  actorName: string | undefined,
): Promise<Intent[]> {
  const base = taskData(task, actorName);
  switch (payload.kind) {
    case 'assigned':
      return payload.userIds.map((userId) => ({
        userId,
        type: 'assigned',
        dedupeKey: `assigned:${payload.changeId}`,
        data: base,
      }));
    case 'description-mentions':
      return payload.userIds.map((userId) => ({
        userId,
        type: 'mentioned',
        dedupeKey: `mentioned:${payload.changeId}`,
        data: { ...base, source: 'description' },
      }));
    case 'commented': {
      const body = await findLiveCommentBody(deps.db, payload.commentId);
      if (body === undefined) return [];
      const data = { ...base, commentId: payload.commentId, excerpt: excerpt(body) };
      const mentioned: Intent[] = payload.mentionedUserIds.map((userId) => ({
        userId,
        type: 'mentioned',
        dedupeKey: `mentioned:comment:${payload.commentId}`,
        data: { ...data, source: 'comment' },
      }));
      const followers = (await taskFollowers(deps.db, task.id))
        .filter((id) => !payload.mentionedUserIds.includes(id))
        .map((userId): Intent => ({
          userId,
          type: 'commented',
          dedupeKey: `commented:${payload.commentId}`,
          data,
        }));
      return [...mentioned, ...followers];
    }
  }
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

/**
 * notifications/dispatch: turns an assignment, a comment or a description change into
 * notifications. Never the actor; only current members; only types the user keeps on in the app.
 * Idempotent: each notification has a dedupe key derived from the change, so a retry adds nothing.
 */
export async function dispatchNotifications(
  deps: Pick<CoreDeps, 'db'>,
  payload: DispatchPayload,
): Promise<{ written: number }> {
  const task = await findTaskContext(deps.db, payload.taskId);
  if (!task) return { written: 0 };
  const actorName = await userName(deps.db, payload.actorId);
  const all = await intents(deps, payload, task, actorName);
  const actor = { id: payload.actorId, name: actorName ?? 'Someone' };
  return { written: await writeNotifications(deps, payload.workspaceId, task.id, actor, all) };
}

export type { Intent };
