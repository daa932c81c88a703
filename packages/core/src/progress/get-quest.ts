import type { Quest } from '@teamflow/contracts/progress';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { activeSprint, assigneePoints } from './progress.repository';
import { sprintOutcome } from './sprint-outcome';

const NO_QUEST: Quest = {
  sprintId: null,
  projectId: null,
  name: null,
  goal: null,
  committedPoints: 0,
  donePoints: 0,
  percent: 0,
  contributors: [],
};

/**
 * The team quest: the active sprint's goal (of the named project, else the one started last),
 * committed points against points done so far, and who has done them. Completing the sprint at
 * or above its commitment pays each contributor a bonus (see xp-sources.ts).
 */
export async function getQuest(
  deps: Pick<CoreDeps, 'db'>,
  ctx: WorkspaceCtx,
  projectId?: string,
  now: Date = new Date(),
): Promise<Quest> {
  const sprint = await activeSprint(deps.db, ctx.workspaceId, projectId);
  if (!sprint) return NO_QUEST;
  const outcome = await sprintOutcome(deps.db, sprint, now);
  const contributors = await assigneePoints(deps.db, outcome.doneTaskIds);
  return {
    sprintId: sprint.id,
    projectId: sprint.projectId,
    name: sprint.name,
    goal: sprint.goal,
    committedPoints: outcome.committedPoints,
    donePoints: outcome.donePoints,
    percent:
      outcome.committedPoints > 0 ? Math.floor((outcome.donePoints * 100) / outcome.committedPoints) : 0,
    contributors: contributors.map((c) => ({ id: c.userId, name: c.name, donePoints: c.points })),
  };
}
