import type { DbOrTx } from '@teamflow/db/client';
import { emitEvent } from '../../events/emit-event';
import type { DevelopmentLinkRow, KeyedTask } from './github.repository';
import { upsertDevelopmentLink } from './github.repository';
import { toDevelopmentLink } from './github-integration.view';

type LinkFields = Pick<
  DevelopmentLinkRow,
  'kind' | 'repository' | 'ref' | 'url' | 'title' | 'state' | 'author'
>;

/** A commit or pull request and the task keys it mentions. */
export interface LinkCandidate {
  keys: string[];
  link: LinkFields;
}

/**
 * Links each candidate to the tasks (of this workspace) it mentions. A new link, or a changed one
 * (a pull request's state or title), is an event on the task, recorded in its activity with no
 * member as actor: GitHub did it. Unchanged links (a redelivered push) emit nothing.
 */
export async function linkToTasks(
  tx: DbOrTx,
  workspaceId: string,
  tasks: KeyedTask[],
  candidates: LinkCandidate[],
): Promise<number> {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  let linked = 0;
  for (const { keys, link } of candidates) {
    for (const key of keys) {
      const task = byKey.get(key);
      if (!task) continue;
      const row = await upsertDevelopmentLink(tx, { workspaceId, taskId: task.id, ...link });
      if (!row) continue;
      linked++;
      await emitEvent(tx, 'TASK_DEVELOPMENT_UPDATED', toDevelopmentLink(row), {
        workspaceId,
        entityId: task.id,
        actor: null,
        projectId: task.projectId,
        taskId: task.id,
        activity: {
          entityType: 'task',
          action: link.kind === 'commit' ? 'commit_linked' : 'pull_request_linked',
          changes: {
            integration: 'github',
            repository: link.repository,
            ref: link.ref,
            ...(link.state ? { state: link.state } : {}),
          },
        },
      });
    }
  }
  return linked;
}
