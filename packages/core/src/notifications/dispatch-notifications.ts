import type { NotificationData } from '@teamflow/contracts/notifications';
import type { JobPayload } from '@teamflow/queue/define-job';
import type { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { claimStagedJob } from '../jobs/staged-job-outcome';
import type { CoreDeps } from '../platform/context';
import { excerpt } from './notification.mapper';
import {
  findLiveCommentBody,
  findTaskContext,
  taskFollowers,
  userName,
  type TaskContext,
} from './notifications.repository';
import { writeNotifications, type Intent } from './write-notifications';

type DispatchPayload = JobPayload<typeof dispatchNotificationsJob>;

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

/**
 * notifications/dispatch: turns an assignment, a comment or a description change into
 * notifications. Never the actor; only current members; only types the user keeps on in the app.
 * Idempotent: each notification has a dedupe key derived from the change, so a retry adds nothing;
 * and with the BullMQ job id, the staged job is marked done in the transaction that writes them,
 * so a job the reconciler re-added after it ran writes nothing at all.
 */
export async function dispatchNotifications(
  deps: Pick<CoreDeps, 'db'>,
  payload: DispatchPayload,
  job: { id?: string } = {},
): Promise<{ written: number }> {
  const task = await findTaskContext(deps.db, payload.taskId);
  if (!task) return { written: 0 };
  const actorName = await userName(deps.db, payload.actorId);
  const all = await intents(deps, payload, task, actorName);
  const actor = { id: payload.actorId, name: actorName ?? 'Someone' };
  return {
    written: await writeNotifications(deps, payload.workspaceId, task.id, actor, all, {
      claim: (tx) => claimStagedJob(tx, job.id),
    }),
  };
}
