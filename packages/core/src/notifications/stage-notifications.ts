import { randomUUID } from 'node:crypto';
import { mentionedUserIds } from '@teamflow/contracts/notifications';
import type { DbOrTx } from '@teamflow/db/client';
import type { JobPayload } from '@teamflow/queue/define-job';
import { dispatchNotificationsJob } from '@teamflow/queue/jobs';
import { stageJob } from '../jobs/job-outbox.repository';

type DispatchPayload = JobPayload<typeof dispatchNotificationsJob>;

interface TaskChange {
  workspaceId: string;
  taskId: string;
  actorId: string;
}

/**
 * The dispatch jobs a task change calls for: newly added assignees, and people newly mentioned in
 * the description. The actor is left out here already (nobody hears of their own change).
 */
function taskChangeDispatches(
  change: TaskChange,
  before: { assigneeIds: string[]; description: string | null },
  after: { assigneeIds: string[]; description: string | null },
): DispatchPayload[] {
  const others = (ids: string[]) => ids.filter((id) => id !== change.actorId);
  const added = others(after.assigneeIds.filter((id) => !before.assigneeIds.includes(id)));
  const mentionedBefore = mentionedUserIds(before.description);
  const mentioned = others(mentionedUserIds(after.description).filter((id) => !mentionedBefore.includes(id)));
  const jobs: DispatchPayload[] = [];
  if (added.length > 0) jobs.push({ kind: 'assigned', changeId: randomUUID(), ...change, userIds: added });
  if (mentioned.length > 0)
    jobs.push({ kind: 'description-mentions', changeId: randomUUID(), ...change, userIds: mentioned });
  return jobs.map((job) => dispatchNotificationsJob.payload.parse(job));
}

/** Whether a task change calls for any dispatch job (a create that does not can skip its transaction). */
export function notifiesOnTaskChange(
  change: TaskChange,
  before: { assigneeIds: string[]; description: string | null },
  after: { assigneeIds: string[]; description: string | null },
): boolean {
  return taskChangeDispatches(change, before, after).length > 0;
}

/** Stages the dispatch jobs of a task change in the caller's transaction. */
export async function stageTaskChangeNotifications(
  tx: DbOrTx,
  change: TaskChange,
  before: { assigneeIds: string[]; description: string | null },
  after: { assigneeIds: string[]; description: string | null },
): Promise<void> {
  for (const job of taskChangeDispatches(change, before, after))
    await stageJob(tx, dispatchNotificationsJob, job);
}

/** Stages the dispatch job of a new comment (followers, and anyone it mentions). */
export async function stageCommentNotifications(
  tx: DbOrTx,
  change: TaskChange & { commentId: string; body: string },
): Promise<void> {
  await stageJob(tx, dispatchNotificationsJob, {
    kind: 'commented',
    changeId: randomUUID(),
    workspaceId: change.workspaceId,
    taskId: change.taskId,
    actorId: change.actorId,
    commentId: change.commentId,
    mentionedUserIds: mentionedUserIds(change.body).filter((id) => id !== change.actorId),
  });
}
