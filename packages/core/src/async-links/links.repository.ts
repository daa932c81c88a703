import { sql } from 'drizzle-orm';
import type { LinkedTask, Person } from '@teamflow/contracts/refs';
import type { DbOrTx } from '@teamflow/db/client';

/** A bound `uuid[]` parameter list (never interpolated text). */
export const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/** Live tasks of the workspace among `ids`, as links (key, title, status). Others are left out. */
export async function findLinkedTasks(db: DbOrTx, workspaceId: string, ids: string[]): Promise<LinkedTask[]> {
  if (ids.length === 0) return [];
  const result = await db.execute<LinkedTask>(sql`
    select t.id, p.key || '-' || t.number as key, t.title, t.status
    from tasks t join projects p on p.id = t.project_id and p.deleted_at is null
    where t.workspace_id = ${workspaceId} and t.deleted_at is null
      and t.id = any(${uuidArray(ids)})
  `);
  return result.rows.map((r) => ({ id: r.id, key: r.key, title: r.title, status: r.status }));
}

/** People by id (names only), whoever they are: history keeps naming someone who left. */
export async function findPeople(db: DbOrTx, ids: string[]): Promise<Person[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const result = await db.execute<Person>(sql`
    select id, name from users where id = any(${uuidArray(unique)})
  `);
  return result.rows.map((r) => ({ id: r.id, name: r.name }));
}

/** Which of `userIds` are members of the workspace. */
export async function membersAmong(db: DbOrTx, workspaceId: string, userIds: string[]): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const result = await db.execute<{ user_id: string }>(sql`
    select user_id from workspace_members
    where workspace_id = ${workspaceId} and user_id = any(${uuidArray(unique)})
  `);
  return result.rows.map((r) => r.user_id);
}

/**
 * The next `INC-n` / `DEC-n` number of a workspace. The workspace row is locked for the rest of
 * the transaction, so two creations number one after the other (the unique index is the backstop).
 */
export async function nextWorkspaceNumber(
  db: DbOrTx,
  workspaceId: string,
  table: 'incidents' | 'decisions',
): Promise<number> {
  await db.execute(sql`select id from workspaces where id = ${workspaceId} for update`);
  const result = await db.execute<{ next: number }>(
    sql`select coalesce(max(number), 0)::int + 1 as next from ${sql.identifier(table)} where workspace_id = ${workspaceId}`,
  );
  return Number(result.rows[0]!.next);
}

/** The user's own IANA zone (a status update's date is theirs). */
export async function userTimeZone(db: DbOrTx, userId: string): Promise<string> {
  const result = await db.execute<{ time_zone: string }>(
    sql`select time_zone from users where id = ${userId}`,
  );
  return result.rows[0]?.time_zone ?? 'UTC';
}
