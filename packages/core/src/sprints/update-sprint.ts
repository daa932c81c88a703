import type { Sprint, SprintRollover, SprintState, SprintUpdate } from '@teamflow/contracts/sprints';
import type { Tx } from '@teamflow/db/client';
import { stageSprintAnalytics } from '../analytics/stage-analytics';
import { todayIn } from '../platform/local-dates';
import { projectTimeZone } from '../projects/projects.repository';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { conflict, invalid, notFound } from '../platform/errors';
import { findTaskRecord } from '../tasks/tasks.repository';
import { moveTaskToSprint } from './sprint-membership';
import { recordSprintChange } from './sprint-events';
import { toSprint } from './sprint.mapper';
import {
  activeSprintId,
  findSprintRecord,
  lockSprint,
  touchSprint,
  unfinishedTaskIds,
  updateSprintIfVersion,
  type SprintRow,
} from './sprints.repository';

// The only state changes there are: start a planned sprint, complete an active one.
const NEXT: Record<SprintState, SprintState | undefined> = {
  planned: 'active',
  active: 'completed',
  completed: undefined,
};
const DEFAULT_LENGTH_DAYS = 14;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function stale(tx: Tx, sprintId: string): Promise<never> {
  const current = await findSprintRecord(tx, sprintId);
  if (!current) throw notFound('Sprint');
  throw conflict('The sprint was changed by someone else', { current: toSprint(current) });
}

/** Checks the rollover target: a planned sprint of the same project. */
async function rolloverTarget(tx: Tx, sprint: SprintRow, rollover: SprintRollover): Promise<string | null> {
  if (rollover.to === 'backlog') return null;
  const target = await lockSprint(tx, rollover.sprintId);
  if (!target || target.projectId !== sprint.projectId || target.id === sprint.id) {
    throw invalid([{ field: 'rollover.sprintId', message: 'Must be another sprint of this project' }]);
  }
  if (target.state !== 'planned') {
    throw conflict('Unfinished tasks can only move to a planned sprint', {
      current: toSprint((await findSprintRecord(tx, target.id))!),
    });
  }
  return target.id;
}

/**
 * Edits a sprint and makes its state changes (send the version you saw; 409 if stale). Starting
 * needs no other active sprint in the project; completing moves the unfinished tasks to the
 * backlog or a planned sprint, all in this one transaction.
 */
export async function updateSprint(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  sprintId: string,
  input: SprintUpdate,
): Promise<Sprint> {
  try {
    return await applyUpdate(deps, ctx, sprintId, input);
  } catch (error) {
    // Two starts racing: the unique index keeps one active sprint per project.
    const pg = error as {
      code?: string;
      constraint?: string;
      cause?: { code?: string; constraint?: string };
    };
    const cause = pg.cause ?? pg;
    if (cause.code === '23505' && cause.constraint === 'sprints_one_active_per_project') {
      throw conflict('Another sprint of this project is active; complete it first');
    }
    throw error;
  }
}

async function applyUpdate(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  sprintId: string,
  input: SprintUpdate,
): Promise<Sprint> {
  return deps.db.transaction(async (tx) => {
    const before = await lockSprint(tx, sprintId);
    if (!before) throw notFound('Sprint');
    if (before.version !== input.version) return stale(tx, sprintId);
    const transition = input.state !== undefined && input.state !== before.state ? input.state : undefined;
    if (input.state !== undefined && NEXT[before.state] !== input.state) {
      throw conflict(`The sprint is ${before.state}: it cannot become ${input.state}`, {
        current: toSprint((await findSprintRecord(tx, sprintId))!),
      });
    }
    const at = new Date();
    const values: Parameters<typeof updateSprintIfVersion>[3] = {
      name: input.name,
      goal: input.goal === undefined ? undefined : input.goal || null,
      startDate: input.startDate,
      endDate: input.endDate,
    };
    if (transition === 'active') {
      const running = await activeSprintId(tx, before.projectId);
      if (running) throw conflict('Another sprint of this project is active; complete it first');
      const zone = (await projectTimeZone(tx, before.projectId)) ?? ctx.timeZone;
      const startDate = input.startDate ?? before.startDate ?? todayIn(zone, at);
      Object.assign(values, {
        state: 'active',
        startedAt: at,
        startDate,
        endDate: input.endDate ?? before.endDate ?? addDays(startDate, DEFAULT_LENGTH_DAYS - 1),
      });
    }
    const endDate = values.endDate === undefined ? before.endDate : values.endDate;
    const startDate = values.startDate === undefined ? before.startDate : values.startDate;
    if (startDate && endDate && endDate < startDate) {
      throw invalid([{ field: 'endDate', message: 'The sprint cannot end before it starts' }]);
    }
    const moved: string[] = [];
    let target: string | null = null;
    if (transition === 'completed') {
      target = await rolloverTarget(tx, before, input.rollover ?? { to: 'backlog' });
      Object.assign(values, { state: 'completed', completedAt: at });
      for (const taskId of await unfinishedTaskIds(tx, sprintId)) {
        const record = await findTaskRecord(tx, taskId);
        if (!record) continue;
        await moveTaskToSprint(tx, ctx, record, target, at);
        moved.push(taskId);
      }
      if (target) await touchSprint(tx, target);
    }
    const row = await updateSprintIfVersion(tx, sprintId, input.version, values);
    if (!row) return stale(tx, sprintId);
    await stageSprintAnalytics(tx, { workspaceId: ctx.workspaceId, projectId: row.projectId }, [
      sprintId,
      target,
    ]);
    if (target) await recordSprintChange(tx, ctx, target, 'tasks_added', { taskIds: moved });
    const { version: _v, rollover, ...changes } = input;
    return recordSprintChange(
      tx,
      ctx,
      sprintId,
      transition === 'active' ? 'started' : transition === 'completed' ? 'completed' : 'updated',
      {
        ...changes,
        ...(transition === 'completed' ? { rollover: rollover ?? { to: 'backlog' }, moved } : {}),
      },
    );
  });
}
