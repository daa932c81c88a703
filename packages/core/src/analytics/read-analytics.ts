import type { Burndown, Velocity } from '@teamflow/contracts/sprints';
import type { DbOrTx } from '@teamflow/db/client';
import type { CoreDeps, WorkspaceCtx } from '../platform/context';
import { notFound } from '../platform/errors';
import {
  completedSprints,
  findSprintTimes,
  inputsWatermark,
  readSnapshot,
  stintsOf,
  upsertSnapshot,
} from './analytics.repository';
import { computeBurndown, dayOf } from './burndown';
import { average, velocityOf } from './velocity';

// Velocity is computed over this many sprints and sliced to what the caller asks for.
const VELOCITY_WINDOW = 20;

interface Stored<T> {
  key: string;
  result: T;
}

/**
 * Serves the cached snapshot while its inputs are unchanged, else computes, stores and serves:
 * the answer is always what a fresh computation would give. Analytics jobs call the same
 * function with `force`, so the next reader finds the snapshot ready.
 */
async function cached<T>(
  db: DbOrTx,
  subject: { workspaceId: string; kind: 'burndown' | 'velocity'; subjectId: string },
  key: string,
  compute: () => Promise<Omit<T, 'computedAt'>>,
  force: boolean,
): Promise<T> {
  const snapshot = force ? undefined : await readSnapshot(db, subject.kind, subject.subjectId);
  const stored = snapshot?.data as Stored<T> | undefined;
  if (stored && stored.key === key) return stored.result;
  const at = new Date();
  const result = { ...(await compute()), computedAt: at.toISOString() } as T;
  await upsertSnapshot(db, { ...subject, data: { key, result }, at });
  return result;
}

export async function refreshBurndown(
  db: DbOrTx,
  sprintId: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<Burndown> {
  const now = options.now ?? new Date();
  const sprint = await findSprintTimes(db, sprintId);
  if (!sprint) throw notFound('Sprint');
  // A running sprint's chart moves on at midnight even when nothing changes.
  const key = `${await inputsWatermark(db, [sprintId])}|${sprint.state === 'completed' ? '' : dayOf(now)}`;
  return cached<Burndown>(
    db,
    { workspaceId: sprint.workspaceId, kind: 'burndown', subjectId: sprintId },
    key,
    async () => computeBurndown(sprint, (await stintsOf(db, [sprintId])).get(sprintId) ?? [], now),
    options.force ?? false,
  );
}

export async function refreshVelocity(
  db: DbOrTx,
  workspaceId: string,
  projectId: string,
  options: { force?: boolean } = {},
): Promise<Velocity> {
  const recent = await completedSprints(db, projectId, VELOCITY_WINDOW);
  const ids = recent.map((s) => s.id);
  const key = `${await inputsWatermark(db, ids)}|${ids.join(',')}`;
  return cached<Velocity>(
    db,
    { workspaceId, kind: 'velocity', subjectId: projectId },
    key,
    async () => {
      const stints = await stintsOf(db, ids);
      const sprints = recent.map((s) => velocityOf(s, stints.get(s.id) ?? [])).reverse();
      return {
        projectId,
        sprints,
        averageCompletedPoints: average(sprints.map((s) => s.completedPoints)),
        averageCommittedPoints: average(sprints.map((s) => s.committedPoints)),
      };
    },
    options.force ?? false,
  );
}

export async function getBurndown(deps: CoreDeps, _ctx: WorkspaceCtx, sprintId: string): Promise<Burndown> {
  return refreshBurndown(deps.db, sprintId);
}

/** The last `count` completed sprints (oldest first) and their averages. */
export async function getVelocity(
  deps: CoreDeps,
  ctx: WorkspaceCtx,
  projectId: string,
  count: number,
): Promise<Velocity> {
  const full = await refreshVelocity(deps.db, ctx.workspaceId, projectId);
  const sprints = full.sprints.slice(-count);
  return {
    ...full,
    sprints,
    averageCompletedPoints: average(sprints.map((s) => s.completedPoints)),
    averageCommittedPoints: average(sprints.map((s) => s.committedPoints)),
  };
}
