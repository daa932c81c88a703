import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { analyticsSnapshots, sprints } from '@teamflow/db/schema/index';
import type { Stint } from './burndown';

export type SnapshotKind = 'burndown' | 'velocity';

/** Every stint of the given sprints, with each task's points and completion time (deletion ends a stint). */
export async function stintsOf(db: DbOrTx, sprintIds: string[]): Promise<Map<string, Stint[]>> {
  const out = new Map<string, Stint[]>(sprintIds.map((id) => [id, []]));
  if (!sprintIds.length) return out;
  const result = await db.execute<{
    sprint_id: string;
    task_id: string;
    points: number | null;
    added_at: Date;
    removed_at: Date | null;
    completed_at: Date | null;
  }>(sql`
    select st.sprint_id, st.task_id, t.story_points as points, st.added_at,
           case when t.deleted_at is null then st.removed_at
                else least(coalesce(st.removed_at, t.deleted_at), t.deleted_at) end as removed_at,
           t.completed_at
    from sprint_tasks st join tasks t on t.id = st.task_id
    where st.sprint_id = any(${sql.param(sprintIds)}::uuid[])
    order by st.added_at, st.id`);
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  for (const r of result.rows) {
    out.get(r.sprint_id)?.push({
      taskId: r.task_id,
      points: r.points ?? 0,
      addedAt: new Date(r.added_at),
      removedAt: date(r.removed_at),
      completedAt: date(r.completed_at),
    });
  }
  return out;
}

/**
 * The latest change to anything the analytics of these sprints read: the sprints, their
 * membership rows and their tasks. A snapshot computed at this watermark is still exact.
 */
export async function inputsWatermark(db: DbOrTx, sprintIds: string[]): Promise<string> {
  if (!sprintIds.length) return 'none';
  const result = await db.execute<{ mark: string | null; n: string }>(sql`
    select to_char(greatest(max(s.updated_at), max(st.updated_at), max(t.updated_at), max(t.deleted_at))
                   at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as mark,
           count(st.id) as n
    from sprints s
    left join sprint_tasks st on st.sprint_id = s.id
    left join tasks t on t.id = st.task_id
    where s.id = any(${sql.param(sprintIds)}::uuid[])`);
  const row = result.rows[0];
  return `${row?.mark ?? 'none'}#${row?.n ?? 0}`;
}

export async function findSprintTimes(db: DbOrTx, sprintId: string) {
  const [row] = await db.select().from(sprints).where(eq(sprints.id, sprintId)).limit(1);
  return row;
}

/** The project's most recently completed sprints, newest first. */
export async function completedSprints(db: DbOrTx, projectId: string, limit: number) {
  return db
    .select()
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), eq(sprints.state, 'completed')))
    .orderBy(desc(sprints.completedAt), desc(sprints.id))
    .limit(limit);
}

export async function readSnapshot(
  db: DbOrTx,
  kind: SnapshotKind,
  subjectId: string,
): Promise<{ data: Record<string, unknown>; computedAt: Date } | undefined> {
  const [row] = await db
    .select({ data: analyticsSnapshots.data, computedAt: analyticsSnapshots.computedAt })
    .from(analyticsSnapshots)
    .where(and(eq(analyticsSnapshots.kind, kind), eq(analyticsSnapshots.subjectId, subjectId)))
    .limit(1);
  return row;
}

export async function upsertSnapshot(
  db: DbOrTx,
  values: {
    workspaceId: string;
    kind: SnapshotKind;
    subjectId: string;
    data: Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  await db
    .insert(analyticsSnapshots)
    .values({
      workspaceId: values.workspaceId,
      kind: values.kind,
      subjectId: values.subjectId,
      data: values.data,
      computedAt: values.at,
    })
    .onConflictDoUpdate({
      target: [analyticsSnapshots.kind, analyticsSnapshots.subjectId],
      set: {
        data: values.data,
        computedAt: values.at,
        inputVersion: sql`${analyticsSnapshots.inputVersion} + 1`,
        updatedAt: values.at,
      },
    });
}
