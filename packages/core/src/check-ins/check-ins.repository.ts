import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import { awayRanges, checkInSettings } from '@teamflow/db/schema/index';
import { uuidArray } from '../async-links/links.repository';

export type CheckInSettingsRow = typeof checkInSettings.$inferSelect;
export type AwayRangeRow = typeof awayRanges.$inferSelect;

export async function findCheckInSettings(
  db: DbOrTx,
  workspaceId: string,
): Promise<CheckInSettingsRow | undefined> {
  const [row] = await db.select().from(checkInSettings).where(eq(checkInSettings.workspaceId, workspaceId));
  return row;
}

export async function upsertCheckInSettings(
  db: DbOrTx,
  workspaceId: string,
  values: Partial<Omit<typeof checkInSettings.$inferInsert, 'workspaceId'>>,
): Promise<CheckInSettingsRow> {
  const [row] = await db
    .insert(checkInSettings)
    .values({ workspaceId, ...values })
    .onConflictDoUpdate({ target: checkInSettings.workspaceId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

export async function listAwayRangeRows(db: DbOrTx, userId: string): Promise<AwayRangeRow[]> {
  return db.select().from(awayRanges).where(eq(awayRanges.userId, userId)).orderBy(asc(awayRanges.fromDate));
}

export async function replaceAwayRangeRows(
  db: DbOrTx,
  userId: string,
  ranges: { from: string; to: string; note?: string }[],
): Promise<AwayRangeRow[]> {
  await db.delete(awayRanges).where(eq(awayRanges.userId, userId));
  if (ranges.length === 0) return [];
  await db
    .insert(awayRanges)
    .values(ranges.map((r) => ({ userId, fromDate: r.from, toDate: r.to, note: r.note || null })));
  return listAwayRangeRows(db, userId);
}

/** Who of `userIds` is away on a date (each in their own zone: the ranges are their dates). */
export async function awayOn(db: DbOrTx, userIds: string[], date: string): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ userId: awayRanges.userId })
    .from(awayRanges)
    .where(
      and(
        sql`${awayRanges.userId} = any(${uuidArray(userIds)})`,
        lte(awayRanges.fromDate, date),
        gte(awayRanges.toDate, date),
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export interface CheckInMember {
  id: string;
  name: string;
  timeZone: string;
}

/** The people expected to check in: members who can post (owners, admins, members; not viewers). */
export async function checkInMembers(db: DbOrTx, workspaceId: string): Promise<CheckInMember[]> {
  const result = await db.execute<{ id: string; name: string; time_zone: string }>(sql`
    select u.id, u.name, u.time_zone from workspace_members m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} and m.role in ('owner', 'admin', 'member')
    order by u.name, u.id
  `);
  return result.rows.map((r) => ({ id: r.id, name: r.name, timeZone: r.time_zone }));
}

/** Who posted an update for the date in the workspace. */
export async function postedOn(db: DbOrTx, workspaceId: string, date: string): Promise<Set<string>> {
  const result = await db.execute<{ user_id: string }>(sql`
    select user_id from status_updates where workspace_id = ${workspaceId} and date = ${date}
  `);
  return new Set(result.rows.map((r) => r.user_id));
}

/** Live workspaces with their zone and settings (null: the defaults). */
export async function workspacesForSchedules(
  db: DbOrTx,
): Promise<{ id: string; name: string; timeZone: string; settings: CheckInSettingsRow | null }[]> {
  const result = await db.execute<{ id: string; name: string; time_zone: string }>(sql`
    select id, name, time_zone from workspaces where deleted_at is null order by created_at
  `);
  const out = [];
  for (const w of result.rows) {
    out.push({
      id: w.id,
      name: w.name,
      timeZone: w.time_zone,
      settings: (await findCheckInSettings(db, w.id)) ?? null,
    });
  }
  return out;
}
