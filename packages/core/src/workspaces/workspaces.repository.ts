import { and, asc, count, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Role } from '@teamflow/contracts/permissions';
import type { DbOrTx } from '@teamflow/db/client';
import { invitations, users, workspaceMembers, workspaces } from '@teamflow/db/schema/index';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/** Inserts a workspace; undefined when the slug is taken. */
export async function insertWorkspace(
  db: DbOrTx,
  values: { name: string; slug: string; createdBy: string; timeZone?: string },
): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .insert(workspaces)
    .values(values)
    .onConflictDoNothing({ target: workspaces.slug })
    .returning();
  return row;
}

export async function insertMember(db: DbOrTx, values: { workspaceId: string; userId: string; role: Role }) {
  const [row] = await db
    .insert(workspaceMembers)
    .values(values)
    .onConflictDoNothing({ target: [workspaceMembers.userId, workspaceMembers.workspaceId] })
    .returning();
  return row;
}

/** The user's workspaces by name, keyset by (name, id). */
export async function listWorkspacesForUser(
  db: DbOrTx,
  userId: string,
  page: { limit: number; after?: { name: string; id: string } },
) {
  const { after } = page;
  return db
    .select({ workspace: workspaces, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(
      and(
        eq(workspaceMembers.userId, userId),
        isNull(workspaces.deletedAt),
        after && sql`(${workspaces.name}, ${workspaces.id}) > (${after.name}, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(workspaces.name), asc(workspaces.id))
    .limit(page.limit);
}

export async function findWorkspace(db: DbOrTx, id: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.id, id), isNull(workspaces.deletedAt)))
    .limit(1);
  return row;
}

export async function updateWorkspaceRow(
  db: DbOrTx,
  id: string,
  values: { name?: string; slug?: string; timeZone?: string },
): Promise<WorkspaceRow | undefined> {
  const [row] = await db
    .update(workspaces)
    .set(values)
    .where(and(eq(workspaces.id, id), isNull(workspaces.deletedAt)))
    .returning();
  return row;
}

export async function softDeleteWorkspace(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(workspaces)
    .set({ deletedAt: sql`now()` })
    .where(eq(workspaces.id, id));
}

/** True when another workspace (deleted ones included: slugs are never reused) has this slug. */
export async function slugTakenByOther(db: DbOrTx, slug: string, workspaceId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(and(eq(workspaces.slug, slug), ne(workspaces.id, workspaceId)))
    .limit(1);
  return row !== undefined;
}

/**
 * Members in the order they joined, keyset by (joined, user id); without `page`, all of them. `cursorAt`
 * is the join time at full (microsecond) precision: a JS Date would cut it to milliseconds and repeat rows.
 */
export async function listMembers(
  db: DbOrTx,
  workspaceId: string,
  page?: { limit: number; after?: { joinedAt: string; userId: string } },
) {
  const after = page?.after;
  const query = db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      avatarUrl: users.avatarUrl,
      role: workspaceMembers.role,
      joinedAt: workspaceMembers.createdAt,
      cursorAt: sql<string>`to_json(${workspaceMembers.createdAt}) #>> '{}'`,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        after &&
          sql`(${workspaceMembers.createdAt}, ${users.id}) > (${after.joinedAt}::timestamptz, ${after.userId}::uuid)`,
      ),
    )
    .orderBy(asc(workspaceMembers.createdAt), asc(users.id));
  return page ? query.limit(page.limit) : query;
}

/** The member row, locked for the rest of the transaction (role changes must not race). */
export async function findMemberForUpdate(db: DbOrTx, workspaceId: string, userId: string) {
  const [row] = await db
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .for('update')
    .limit(1);
  return row;
}

export async function countOwnersForUpdate(db: DbOrTx, workspaceId: string): Promise<number> {
  // Lock every owner row so two concurrent demotions cannot leave the workspace ownerless.
  const rows = await db
    .select({ id: workspaceMembers.id })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.role, 'owner')))
    .for('update');
  return rows.length;
}

export async function setMemberRole(db: DbOrTx, workspaceId: string, userId: string, role: Role) {
  await db
    .update(workspaceMembers)
    .set({ role })
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
}

export async function deleteMember(db: DbOrTx, workspaceId: string, userId: string): Promise<void> {
  await db
    .delete(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
}

export async function isMember(db: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return (row?.n ?? 0) > 0;
}

/** Every member's user id. */
export async function memberIds(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(eq(workspaceMembers.workspaceId, workspaceId));
  return rows.map((r) => r.userId);
}

/** Which of these users are members of the workspace. */
export async function memberIdsAmong(
  db: DbOrTx,
  workspaceId: string,
  userIds: string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: workspaceMembers.userId })
    .from(workspaceMembers)
    .where(
      and(
        eq(workspaceMembers.workspaceId, workspaceId),
        sql`${workspaceMembers.userId} = any(${sql.param(userIds)}::uuid[])`,
      ),
    );
  return new Set(rows.map((r) => r.userId));
}

export async function insertInvitation(
  db: DbOrTx,
  values: {
    workspaceId: string;
    email: string;
    role: 'admin' | 'member' | 'viewer';
    tokenHash: string;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

/** Pending invitations, oldest first, keyset by (created, id); `cursorAt` is created_at to the microsecond. */
export async function listPendingInvitations(
  db: DbOrTx,
  workspaceId: string,
  page: { limit: number; after?: { createdAt: string; id: string } },
): Promise<(InvitationRow & { cursorAt: string })[]> {
  const { after } = page;
  const rows = await db
    .select({ invitation: invitations, cursorAt: sql<string>`to_json(${invitations.createdAt}) #>> '{}'` })
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
        after &&
          sql`(${invitations.createdAt}, ${invitations.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.invitation, cursorAt: r.cursorAt }));
}

export async function findInvitationByHashForUpdate(
  db: DbOrTx,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash))
    .for('update')
    .limit(1);
  return row;
}

export async function markInvitationAccepted(db: DbOrTx, id: string, userId: string): Promise<void> {
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(eq(invitations.id, id));
}

export async function revokeInvitationRow(db: DbOrTx, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length > 0;
}
