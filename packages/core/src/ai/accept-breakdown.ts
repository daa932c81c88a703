import { randomUUID } from 'node:crypto';
import { BreakdownResult, type BreakdownAccept, type BreakdownAccepted } from '@teamflow/contracts/ai';
import type { Task } from '@teamflow/contracts/tasks';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { sanitizeMarkdown } from '../platform/sanitize-markdown';
import type { NewTask } from '../tasks/task-creation.repository';
import { writeNewTask } from '../tasks/write-new-task';
import { findTaskRecord } from '../tasks/tasks.repository';
import { findAiJob } from './ai.repository';

const describe = (s: BreakdownResult['suggestions'][number], source: BreakdownResult['source']) =>
  [
    s.description,
    '',
    `_Suggested by ${source.provider === 'local' ? 'the local model' : `${source.provider} ${source.model}`}: about ${s.estimatedHours} h, confidence ${Math.round(s.confidence * 100)}%._`,
  ]
    .join('\n')
    .trim();

/**
 * Turns the picked suggestions of a completed breakdown into sub-tasks of the task, all in ONE
 * transaction (numbers, rows, activities and events): either every pick becomes a sub-task or none.
 */
export async function acceptBreakdown(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  taskId: string,
  body: BreakdownAccept,
): Promise<BreakdownAccepted> {
  const job = await findAiJob(deps.db, body.jobId);
  if (!job || job.workspaceId !== ctx.workspaceId || job.kind !== 'breakdown' || job.subjectId !== taskId)
    throw notFound('Job');
  if (job.state !== 'completed') throw conflict(`The breakdown is ${job.state}, not completed`);
  const result = BreakdownResult.parse(job.result);
  const indexes = [...new Set(body.indexes)].sort((a, b) => a - b);
  const missing = indexes.filter((i) => i >= result.suggestions.length);
  if (missing.length)
    throw invalid([{ field: 'indexes', message: `No suggestion at ${missing.join(', ')}` }]);
  const parent = await findTaskRecord(deps.db, taskId);
  if (!parent) throw notFound('Task');

  const created = await deps.db.transaction(async (tx) => {
    const tasks: Task[] = [];
    for (const index of indexes) {
      const s = result.suggestions[index]!;
      const at = new Date();
      const task: NewTask = {
        id: randomUUID(),
        workspaceId: ctx.workspaceId,
        projectId: parent.projectId,
        title: s.title,
        description: sanitizeMarkdown(describe(s, result.source)),
        status: 'todo',
        priority: parent.priority,
        storyPoints: null,
        dueDate: null,
        parentId: parent.id,
        sprintId: null,
        createdBy: ctx.actor.id,
        completedAt: null,
        at,
        assigneeIds: [],
        labelIds: [],
      };
      const written = await writeNewTask(tx, ctx, task);
      if (!written) throw notFound('Project');
      tasks.push(written);
    }
    return tasks;
  });
  ctx.logger.info('ai breakdown accepted', { aiJobId: job.id, taskId, created: created.length });
  return { items: created };
}
