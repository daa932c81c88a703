import type { DbOrTx } from '@teamflow/db/client';
import { moveTaskIn } from '../../tasks/move-task';
import type { KeyedTask } from './github.repository';
import { closingKeys } from './task-mentions';

interface MergedPullRequest {
  repository: string;
  number: number;
  url: string;
  title: string;
  body: string | null;
}

const FINISHED = new Set(['done', 'archived']);

/**
 * A merged pull request that says "fixes/closes/resolves KEY-n" moves each such task of this
 * workspace to done, as the integration (no member is the actor; the activity names GitHub and
 * the pull request). Tasks already done or archived stay as they are. Returns the keys moved.
 */
export async function closeTasksFromPullRequest(
  tx: DbOrTx,
  workspaceId: string,
  tasks: KeyedTask[],
  pr: MergedPullRequest,
): Promise<string[]> {
  const closing = new Set(closingKeys(pr.title, pr.body));
  const moved: string[] = [];
  for (const task of tasks) {
    if (!closing.has(task.key) || FINISHED.has(task.status)) continue;
    await moveTaskIn(
      tx,
      { workspaceId, actor: null },
      task.id,
      { status: 'done', version: task.version },
      { integration: 'github', pullRequest: { repository: pr.repository, number: pr.number, url: pr.url } },
    );
    moved.push(task.key);
  }
  return moved;
}
