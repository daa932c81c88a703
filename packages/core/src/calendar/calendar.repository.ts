import { and, asc, desc, eq, isNotNull, isNull, notInArray } from 'drizzle-orm';
import type { DbOrTx } from '@teamflow/db/client';
import {
  calendarFeeds,
  incidents,
  projects,
  taskAssignees,
  tasks,
  workspaceMembers,
  workspaces,
} from '@teamflow/db/schema/index';

export type CalendarFeedRow = typeof calendarFeeds.$inferSelect;

export async function findFeedOfUser(db: DbOrTx, userId: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, userId)).limit(1);
  return row;
}

export async function findFeedByToken(db: DbOrTx, token: string): Promise<CalendarFeedRow | undefined> {
  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.token, token)).limit(1);
  return row;
}

/** Creates the user's feed, or replaces its token (rotate): the old URL stops working at once. */
export async function upsertFeed(db: DbOrTx, userId: string, token: string): Promise<CalendarFeedRow> {
  const [row] = await db
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } })
    .returning();
  return row!;
}

/** Open tasks with a due date assigned to the user, in workspaces they still belong to. */
export async function listAssignedDueTasks(db: DbOrTx, userId: string) {
  return db
    .select({
      id: tasks.id,
      number: tasks.number,
      title: tasks.title,
      dueDate: tasks.dueDate,
      status: tasks.status,
      updatedAt: tasks.updatedAt,
      projectKey: projects.key,
      projectName: projects.name,
      workspaceId: tasks.workspaceId,
      workspaceName: workspaces.name,
    })
    .from(taskAssignees)
    .innerJoin(tasks, and(eq(tasks.id, taskAssignees.taskId), isNull(tasks.deletedAt)))
    .innerJoin(projects, and(eq(projects.id, tasks.projectId), isNull(projects.deletedAt)))
    .innerJoin(workspaces, and(eq(workspaces.id, tasks.workspaceId), isNull(workspaces.deletedAt)))
    .innerJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, tasks.workspaceId), eq(workspaceMembers.userId, userId)),
    )
    .where(
      and(eq(taskAssignees.userId, userId), isNotNull(tasks.dueDate), notInArray(tasks.status, ['archived'])),
    )
    .orderBy(asc(tasks.dueDate))
    .limit(1000);
}

/** Incidents the user commands (newest first), in workspaces they still belong to. */
export async function listCommandedIncidents(db: DbOrTx, userId: string) {
  return db
    .select({
      id: incidents.id,
      number: incidents.number,
      title: incidents.title,
      severity: incidents.severity,
      status: incidents.status,
      createdAt: incidents.createdAt,
      resolvedAt: incidents.resolvedAt,
      updatedAt: incidents.updatedAt,
      workspaceId: incidents.workspaceId,
      workspaceName: workspaces.name,
    })
    .from(incidents)
    .innerJoin(workspaces, and(eq(workspaces.id, incidents.workspaceId), isNull(workspaces.deletedAt)))
    .innerJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, incidents.workspaceId), eq(workspaceMembers.userId, userId)),
    )
    .where(eq(incidents.commanderId, userId))
    .orderBy(desc(incidents.createdAt))
    .limit(200);
}
